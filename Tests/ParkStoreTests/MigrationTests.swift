import FluentKit
import ParkDomain
import ParkStore
import SQLKit
import XCTest
import ParkTestSupport

final class MigrationTests: XCTestCase {
    func testMigrationsApplyListAndRevert() async throws {
        // given an empty database
        let store = try await TestDatabase.makeStore(migrate: false)
        do {
            let before = try await store.status()
            // when
            let applied = try await store.migrate()
            let after = try await store.status()
            let again = try await store.migrate()
            // then
            XCTAssertEqual(before.count, ParkMigrations.all.count)
            XCTAssertTrue(before.allSatisfy { !$0.applied })
            // Landed migrations keep their order for good; later ones are appended after them.
            XCTAssertEqual(Array(applied.prefix(11)), ["CreateReferenceTables", "CreateEnterprises", "CreateAccounts", "CreateAuditTrail", "CreateLand", "CreatePerMu", "CreatePolicies",
                                                       "CreateLoginThrottle", "UpdateEnterprisesDeregistration", "UpdateAuditReason", "UpdateUsersPosition"])
            XCTAssertEqual(applied.count, ParkMigrations.all.count)
            XCTAssertTrue(after.allSatisfy(\.applied))
            XCTAssertEqual(after.map(\.name), before.map(\.name))
            XCTAssertEqual(again, [], "a second run has nothing to apply")
            await assertEqual(try await EnterpriseRepository(db: store.db).count(), 0)

            // when the batch is reverted
            let reverted = try await store.revertLastBatch()
            let reset = try await store.status()
            // then every table is gone and every migration pending again
            XCTAssertEqual(Set(reverted), Set(applied))
            XCTAssertTrue(reset.allSatisfy { !$0.applied })
            do {
                _ = try await EnterpriseRepository(db: store.db).count()
                XCTFail("the enterprises table should be gone")
            } catch {}
            await assertEqual(try await store.revertLastBatch(), [], "nothing left to revert")

            // when migrated once more, then it works from scratch
            await assertEqual(try await store.migrate().count, ParkMigrations.all.count)
            await assertEqual(try await ReferenceRepository(db: store.db).clusters().count, 6)
        } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }

    func testReferenceDataIsSeeded() async throws {
        // given
        let store = try await TestDatabase.makeStore()
        do {
            let reference = ReferenceRepository(db: store.db)
            // when
            let divisions = try await reference.industryDivisions()
            let sections = try await reference.industrySections()
            let countries = try await reference.countries()
            let clusters = try await reference.clusters()
            let departments = try await reference.departments()
            let catalog = try await reference.catalog()
            // then
            XCTAssertEqual(divisions.count, 97)
            XCTAssertEqual(divisions.first?.code, "01")
            XCTAssertEqual(divisions.last?.code, "97")
            XCTAssertEqual(divisions.first { $0.code == "27" }?.section, "C")
            XCTAssertEqual(sections.count, 20)
            XCTAssertEqual(countries.count, 249)
            XCTAssertEqual(countries.first { $0.alpha2 == "DE" }?.name.en, "Germany")
            XCTAssertEqual(clusters.map(\.code), ["ai", "biomedicine", "electronics", "equipment", "nanotech", "semiconductors3g"])
            XCTAssertEqual(clusters.first { $0.code == "ai" }?.name.zh, "人工智能")
            XCTAssertEqual(departments.count, 8)
            XCTAssertEqual(Set(departments.map(\.code)), ["land", "econ", "invest", "tax", "customs", "market", "health", "service"])
            XCTAssertEqual(catalog.industryDivisions.count, 97)
            XCTAssertEqual(catalog.countries.count, 249)
            XCTAssertEqual(catalog.clusters.count, 6)
        } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }
}
