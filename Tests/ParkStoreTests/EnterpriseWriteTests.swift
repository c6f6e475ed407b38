import ParkDomain
import ParkStore
import XCTest
import ParkTestSupport

final class EnterpriseWriteTests: StoreTestCase {
    func testCreateStoresAndFindsTheEnterprise() async throws {
        // given
        let new = enterprise(1, zh: "信达生物", en: "Innovent", clusters: ["biomedicine"], employees: 1200)
        // when
        let created = try await enterprises.create(new, by: officer, catalog: try await catalog())
        // then
        let id = try XCTUnwrap(created.id)
        var expected = new
        expected.id = id
        await assertEqual(try await enterprises.find(id), expected)
        await assertEqual(try await enterprises.find(creditCode: new.creditCode.value), expected)
        await assertEqual(try await enterprises.count(), 1)
    }

    func testCreateRefusesAnUnknownIndustry() async throws {
        // given
        let bad = enterprise(1, zh: "甲", en: "A", industry: "99")
        // when
        let error = await domainError { _ = try await self.register(bad) }
        // then
        XCTAssertEqual(error?.field, "industry_code")
        XCTAssertEqual(error?.code, "unknown_industry")
        XCTAssertEqual(error?.kind, .invalid)
        await assertEqual(try await enterprises.count(), 0)
        await assertEqual(try await auditCount(), 0)
    }

    func testCreateRefusesADuplicateCreditCode() async throws {
        // given
        try await register(enterprise(1, zh: "甲", en: "A"))
        // when
        let error = await domainError { _ = try await self.register(self.enterprise(1, zh: "乙", en: "B")) }
        // then
        XCTAssertEqual(error?.kind, .conflict)
        XCTAssertEqual(error?.code, "duplicate_credit_code")
        XCTAssertEqual(error?.field, "credit_code")
        await assertEqual(try await enterprises.count(), 1)
    }

    func testOnlyStaffCreate() async throws {
        // given
        let firm = Principal(userID: UUID(), name: "firm", role: .enterprise, enterpriseID: UUID())
        // when
        let error = await domainError {
            _ = try await self.enterprises.create(self.enterprise(1, zh: "甲", en: "A"), by: firm, catalog: try await self.catalog())
        }
        // then
        XCTAssertEqual(error?.kind, .forbidden)
        await assertEqual(try await enterprises.count(), 0)
    }

    func testEnterpriseUserUpdatesItsOwnAllowedFields() async throws {
        // given
        let own = try await register(enterprise(1, zh: "甲公司", en: "Alpha", employees: 10))
        let firm = Principal(userID: UUID(), name: "firm-a", role: .enterprise, enterpriseID: own.id)
        var edited = own
        edited.nameEn = "Alpha Ltd."; edited.address = "新地址 1 号"; edited.employees = 12
        // when
        let updated = try await enterprises.update(own.id!, to: edited, by: firm, catalog: try await catalog())
        // then
        XCTAssertEqual(updated, edited)
        await assertEqual(try await enterprises.find(own.id!), edited)
        let last = try await audit.recent(limit: 1).first
        XCTAssertEqual(last?.action, "update")
        XCTAssertEqual(last?.actorName, "firm-a")
    }

    func testEnterpriseUserMayNotChangeOwnership() async throws {
        // given
        let own = try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        let firm = Principal(userID: UUID(), name: "firm-a", role: .enterprise, enterpriseID: own.id)
        var edited = own
        edited.ownership = .foreign; edited.originCountry = "US"
        // when
        let error = await domainError { _ = try await self.enterprises.update(own.id!, to: edited, by: firm, catalog: try await self.catalog()) }
        // then
        XCTAssertEqual(error?.kind, .forbidden)
        XCTAssertEqual(error?.code, "forbidden_field")
        await assertEqual(try await enterprises.find(own.id!), own)
        await assertEqual(try await auditCount(), 1, "only the create is recorded")
    }

    func testEnterpriseUserCannotUpdateAnotherEnterprise() async throws {
        // given
        let a = try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        let b = try await register(enterprise(2, zh: "乙公司", en: "Beta"))
        let firm = Principal(userID: UUID(), name: "firm-a", role: .enterprise, enterpriseID: a.id)
        var edited = b
        edited.nameEn = "Hijacked"
        // when
        let error = await domainError { _ = try await self.enterprises.update(b.id!, to: edited, by: firm, catalog: try await self.catalog()) }
        // then
        XCTAssertEqual(error?.kind, .notFound)
        await assertEqual(try await enterprises.find(b.id!)?.nameEn, "Beta")
    }

    func testStaffUpdateToAnotherFirmsCodeIsAConflict() async throws {
        // given
        let a = try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        try await register(enterprise(2, zh: "乙公司", en: "Beta"))
        var edited = a
        edited.creditCode = Self.code(2)
        // when
        let error = await domainError { _ = try await self.enterprises.update(a.id!, to: edited, by: self.officer, catalog: try await self.catalog()) }
        // then
        XCTAssertEqual(error?.kind, .conflict)
        await assertEqual(try await enterprises.find(a.id!)?.creditCode, Self.code(1))
    }

    func testDeleteIsRefusedWhileAUserBelongsToTheEnterprise() async throws {
        // given
        let a = try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        _ = try await accounts.create(.init(username: "firm-a", displayName: "", password: "password-1",
                                                   role: .enterprise, enterpriseID: a.id), by: admin)
        // when
        let error = await domainError { try await self.enterprises.delete(a.id!, by: self.admin) }
        // then
        XCTAssertEqual(error?.kind, .conflict)
        XCTAssertEqual(error?.code, "in_use")
        await assertNotNil(try await enterprises.find(a.id!))

        // and an enterprise without accounts can be deleted, recorded in the trail
        let b = try await register(enterprise(2, zh: "乙公司", en: "Beta"))
        try await enterprises.delete(b.id!, by: admin)
        await assertNil(try await enterprises.find(b.id!))
        let last = try await audit.recent(limit: 1).first
        XCTAssertEqual(last?.action, "delete")
        XCTAssertEqual(last?.entityID, b.id!.uuidString)
        XCTAssertNotNil(last?.before)
        XCTAssertNil(last?.after)
    }

    func testOnlyAdminsDelete() async throws {
        // given
        let a = try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        // when
        let error = await domainError { try await self.enterprises.delete(a.id!, by: self.officer) }
        // then
        XCTAssertEqual(error?.kind, .forbidden)
        await assertEqual(try await enterprises.count(), 1)
    }

    func testCreateAllWritesNothingWhenTheLastItemDuplicatesAnExistingCode() async throws {
        // given
        try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        try await register(enterprise(2, zh: "乙公司", en: "Beta"))
        let batch = [enterprise(3, zh: "丙", en: "C"), enterprise(4, zh: "丁", en: "D"), enterprise(1, zh: "甲二", en: "A2")]
        // when
        let error = await domainError { _ = try await self.enterprises.createAll(batch, by: self.admin) }
        // then
        XCTAssertEqual(error?.code, "duplicate_credit_code")
        await assertEqual(try await enterprises.count(), 2)
        await assertEqual(try await auditCount(), 2)
        await assertNil(try await enterprises.find(creditCode: Self.code(3).value))
    }

    func testCreateAllRollsBackEarlierChunksWhenALaterOneFails() async throws {
        // given 501 new records whose last repeats the first: the first 500 are written (one
        // chunk, with their audit entries) before the database refuses the 501st
        var batch = (1...500).map { enterprise($0, zh: "企业\($0)", en: "Firm \($0)") }
        batch.append(enterprise(1, zh: "重复", en: "Repeat"))
        // when
        do {
            _ = try await enterprises.createAll(batch, by: admin)
            XCTFail("the duplicate should be refused")
        } catch {}
        // then the whole transaction is gone
        await assertEqual(try await enterprises.count(), 0)
        await assertEqual(try await auditCount(), 0)
        await assertEqual(try await audit.verify(), .intact(entries: 0, headHash: AuditEntry.genesisHash))
        // and the store still works
        try await register(enterprise(1, zh: "甲公司", en: "Alpha"))
        await assertEqual(try await enterprises.count(), 1)
    }
}
