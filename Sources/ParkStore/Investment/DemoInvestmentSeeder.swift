import FluentKit
import Foundation
import ParkDomain
import SQLKit

/// Loads `DemoInvestment` into an empty investment module: rates, investors and their Fortune
/// Global 500 places, projects, their approved moves, ledgers, blockers and task forces. Bulk
/// seed data, 400 rows a statement, in one transaction, like the land reports (no audit entry per row).
struct DemoInvestmentSeeder: Sendable {
    let db: any Database
    let clock: ParkClock

    func seeded() async throws -> Bool { try await InvestorModel.query(on: db).count() > 0 }

    func seed(seed: UInt64, enterprises: [Enterprise], progress: (@Sendable (String) -> Void)?) async throws {
        guard db is any SQLDatabase else { return }
        let users = try await UserModel.query(on: db).filter(\.$username ~~ ["invest", "invest-head"]).all()
        let officer = users.first { $0.username == "invest" }?.id, head = users.first { $0.username == "invest-head" }?.id
        let officerName = users.first { $0.username == "invest" }?.username
        let today = LocalDate(clock.now())
        let cal = try await LeaseRepository(db: db, clock: clock).calendar()
        let demo = DemoInvestment.generate(seed: seed, enterprises: enterprises, officers: [officer, head].compactMap { $0 }, today: today, calendar: cal)
        // One transaction for the whole load (a commit, and on SQLite a WAL checkpoint, per
        // statement was a quarter of this step's time at 100,000 enterprises).
        let clock = self.clock
        try await WriteGate.write(db) { tx in
            try await DemoInvestmentSeeder(db: tx, clock: clock).store(demo, officer: officer, head: head, officerName: officerName, today: today, calendar: cal)
        }
        progress?("investment: \(demo.investors.count) investors, \(demo.projects.count) projects, \(demo.inflows.count) inflows (within each project's contract; \(demo.contracted.filter { $0.event == .capitalChange }.count) capital increases behind them), \(demo.rates.count) rates")
    }

    /// Writes the generated investment module, on SQLite with a page cache large enough to hold
    /// the load's dirty pages (the default 2 MB spilled them to the WAL and read index pages
    /// back again and again), restored afterwards.
    func store(_ demo: DemoInvestment, officer: UUID?, head: UUID?, officerName: String?, today: LocalDate, calendar cal: WorkingCalendar) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let sqlite = sql.dialect.name == "sqlite"
        let cache = sqlite ? try await sql.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int.self) : nil
        if sqlite { try await sql.raw("PRAGMA cache_size = -262144").run() }
        do {
            try await write(demo, officer: officer, head: head, officerName: officerName, today: today, calendar: cal, sql: sql)
        } catch {
            if let cache { try? await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(cache))").run() }
            throw error
        }
        if let cache { try await sql.raw("PRAGMA cache_size = \(unsafeRaw: String(cache))").run() }
    }

    func write(_ demo: DemoInvestment, officer: UUID?, head: UUID?, officerName: String?, today: LocalDate, calendar cal: WorkingCalendar,
               sql: any SQLDatabase) async throws {
        let now = clock.millis
        func insert(_ table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]]) async throws {
            for from in stride(from: 0, to: rows.count, by: 400) {
                let q = sql.insert(into: table).columns(columns)
                for r in rows[from..<min(from + 400, rows.count)] { _ = q.values(r) }
                try await q.run()
            }
        }
        // A typed NULL (PostgreSQL refuses a text NULL in a uuid or numeric column).
        func opt<T: Encodable & Sendable>(_ v: T?) -> any Encodable & Sendable { v }
        try await insert("exchange_rates", ["id", "currency", "month", "usd_per_unit_e8", "cny_per_unit_e8", "updated_by", "updated_at_ms"],
                         demo.rates.map { [UUID(), $0.currency, $0.month.iso, $0.usdPerUnitE8, $0.cnyPerUnitE8, "demo", now] })
        try await insert("investors", ["id", "name_zh", "name_en", "origin_country", "listing", "sector", "updated_at_ms"],
                         demo.investors.map { [$0.id!, $0.nameZh, $0.nameEn, $0.originCountry, opt($0.listing?.rawValue), $0.sector, now] })
        try await insert("fortune500_ranks", ["id", "investor_id", "list_year", "rank"],
                         demo.investors.compactMap { i in i.fortune500.map { [UUID(), i.id!, $0.listYear, $0.rank] } })
        try await insert("investment_projects", ["id", "code", "investor_id", "enterprise_id", "name_zh", "name_en", "project_type", "cluster", "industry_code",
                                                 "total_investment_minor", "total_investment_currency", "registered_capital_minor", "registered_capital_currency",
                                                 "foreign_capital_minor", "foreign_capital_currency", "land_need_mu", "officer_id", "source", "first_contact_on",
                                                 "stage", "stage_since", "stage_due_on", "signed_on", "drop_reason", "confidential", "code_name",
                                                 "created_at_ms", "updated_at_ms"],
                         demo.projects.map { p in
                             [p.id!, p.code, p.investorID, opt(p.enterpriseID), p.nameZh, p.nameEn, p.type.rawValue, opt(p.cluster), p.industryCode,
                              p.totalInvestment.minor, p.totalInvestment.currency, opt(p.registeredCapital?.minor), opt(p.registeredCapital?.currency),
                              opt(p.foreignCapital?.minor), opt(p.foreignCapital?.currency), opt(p.landNeedMu), opt(p.officerID), p.source.rawValue,
                              p.firstContactOn.iso, p.stage.rawValue, p.stageSince.iso, opt(p.stageDueOn?.iso), opt(p.signedOn?.iso),
                              opt(p.dropReason?.rawValue), p.confidential, opt(p.codeName), now, now]
                         })
        // Working days at each stage: from the previous move (or the first contact) to this one.
        let contact = Dictionary(uniqueKeysWithValues: demo.projects.map { ($0.id!, $0.firstContactOn) })
        var since = contact
        var days: [UUID: Int] = [:]
        for m in demo.moves.sorted(by: { ($0.effectiveOn, $0.proposedAtMillis) < ($1.effectiveOn, $1.proposedAtMillis) }) {
            let from = since[m.projectID] ?? m.effectiveOn
            days[m.id] = cal.workingDays(from: from, to: m.effectiveOn)
            since[m.projectID] = m.effectiveOn
        }
        try await insert("project_stage_moves", ["id", "project_id", "from_stage", "to_stage", "effective_on", "drop_reason", "note", "proposed_by",
                                                 "proposed_at_ms", "state", "reviewed_by", "reviewed_at_ms", "review_comment", "days_at_stage"],
                         demo.moves.map { m in
                             [m.id, m.projectID, m.fromStage.rawValue, m.toStage.rawValue, m.effectiveOn.iso, opt(m.dropReason?.rawValue), m.note,
                              m.proposedBy, m.proposedAtMillis, m.state.rawValue, opt(m.reviewedBy), opt(m.reviewedAtMillis), opt(m.reviewComment),
                              opt(days[m.id])]
                         })
        try await insert("fdi_contracted", ["id", "project_id", "month", "kind", "amount_minor", "currency", "usd_per_unit_e8", "cny_per_unit_e8",
                                            "usd_cents", "cny_fen", "created_by", "created_at_ms", "recorded_on", "event", "note"],
                         demo.contracted.map { e in
                             [e.id, e.projectID, YearMonth(e.recordedOn).iso, e.kind.rawValue, e.amount.minor, e.amount.currency, e.rate.usdPerUnitE8,
                              e.rate.cnyPerUnitE8, e.counted.usdCents, e.counted.cnyFen, "demo", now, e.recordedOn.iso, e.event.rawValue, e.note]
                         })
        try await insert("fdi_inflows", ["id", "project_id", "month", "kind", "amount_minor", "currency", "usd_per_unit_e8", "cny_per_unit_e8",
                                         "usd_cents", "cny_fen", "created_by", "created_at_ms", "arrived_on", "bank_reference"],
                         demo.inflows.map { i in
                             [i.id, i.projectID, YearMonth(i.arrivedOn).iso, i.kind.rawValue, i.amount.minor, i.amount.currency, i.rate.usdPerUnitE8,
                              i.rate.cnyPerUnitE8, i.counted.usdCents, i.counted.cnyFen, "demo", now, i.arrivedOn.iso, i.bankReference]
                         })
        try await FDIRollup.rebuild(on: db)  // the ledgers' monthly roll-up per project, as every ledger write keeps it
        try await insert("project_blockers", ["id", "project_id", "stage", "title", "department_code", "opened_on", "escalate_on", "closed_on",
                                              "resolution", "opened_by", "created_at_ms"],
                         demo.blockers.map { b, _ in
                             [b.id, b.projectID, b.stage.rawValue, b.title, b.departmentCode, b.openedOn.iso, b.escalateOn.iso, opt(b.closedOn?.iso),
                              opt(b.resolution), b.openedBy, now]
                         })
        try await insert("blocker_events", ["id", "blocker_id", "kind", "on_date", "text", "actor", "at_ms"],
                         demo.blockers.flatMap { b, events in events.map { e in [UUID(), b.id, e.kind.rawValue, e.on.iso, e.text, e.actor, e.atMillis] as [any Encodable & Sendable] } })
        if let officer, let head {
            try await insert("project_task_force", ["id", "project_id", "user_id", "is_lead"],
                             demo.taskForceProjects.flatMap { [[UUID(), $0, officer, true], [UUID(), $0, head, false]] as [[any Encodable & Sendable]] })
        }
        try await seedLand(demo.projects, officer: officerName, today: today, now: now, sql: sql)
    }

    /// Land needs for a dozen projects in negotiation or signed, each sized on a parcel no lease
    /// holds (so the project page lists candidates), every third one holding its parcel in reserve.
    func seedLand(_ projects: [InvestmentProject], officer: String?, today: LocalDate, now: Int64, sql: any SQLDatabase) async throws {
        let open = LeaseState.allCases.filter { !ProjectLandQuery.endedLeaseStates.contains($0.rawValue) }.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let rows = try await sql.raw("""
            SELECT p.id, p.land_use, p.declared_area_m2 FROM parcels p
            WHERE NOT EXISTS (SELECT 1 FROM leases l WHERE l.parcel_id = p.id AND l.state IN (\(unsafeRaw: open)))
            ORDER BY p.code LIMIT 12
            """).all()
        let wanting = projects.filter { ($0.stage == .negotiating || $0.stage == .signed) && !$0.confidential }.prefix(rows.count)
        for (i, (project, row)) in zip(wanting, rows).enumerated() {
            let parcel = try row.decode(column: "id", as: UUID.self)
            let mu = (AreaUnit.mu(fromSquareMetres: try row.decode(column: "declared_area_m2", as: Double.self)) * (i % 2 == 0 ? 0.95 : 1.1) * 10).rounded() / 10
            let reserved = i % 3 == 0
            try await sql.insert(into: "project_land")
                .columns("id", "project_id", "land_use", "area_mu", "plot_ratio", "height_m", "parcel_id", "reserved_by", "reserved_on", "updated_at_ms")
                .values(UUID(), project.id!, try row.decode(column: "land_use", as: String.self), mu, i % 2 == 0 || reserved ? Double?.none : 1.2,
                        Double?.none, reserved ? parcel : UUID?.none, reserved ? officer : String?.none, reserved ? today.iso : String?.none, now)
                .run()
            try await sql.update("investment_projects").set("land_need_mu", to: mu).where("id", .equal, project.id!).run()
        }
    }
}
