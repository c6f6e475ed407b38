import FluentKit
import SQLKit
import Foundation
import ParkDomain

/// Leases from auction to decision: every step validated against the life cycle and audited.
public struct LeaseRepository: Sendable {
    public let db: any Database
    public let clock: ParkClock
    public static let entityType = "lease"

    public init(db: any Database, clock: ParkClock = .system) { self.db = db; self.clock = clock }

    var today: LocalDate { LocalDate(clock.now()) }

    public struct Filter: Sendable {
        public var state: LeaseState?
        public var enterpriseID: UUID?
        public var parcelID: UUID?
        public init(state: LeaseState? = nil, enterpriseID: UUID? = nil, parcelID: UUID? = nil) {
            self.state = state; self.enterpriseID = enterpriseID; self.parcelID = parcelID
        }
    }

    public func list(_ filter: Filter = Filter()) async throws -> [Lease] {
        let q = LeaseModel.query(on: db)
        if let s = filter.state { q.filter(\.$state == s.rawValue) }
        if let e = filter.enterpriseID { q.filter(\.$enterpriseID == e) }
        if let p = filter.parcelID { q.filter(\.$parcelID == p) }
        return try await q.sort(\.$auctionDate, .descending).all().map { $0.toDomain() }
    }

    public func find(_ id: UUID) async throws -> Lease? { try await LeaseModel.find(id, on: db)?.toDomain() }

    /// One page of leases (latest auction first, then id), counted and paged in SQL.
    public func page(_ filter: Filter, _ request: ParkDomain.PageRequest) async throws -> Page<Lease> {
        let q = LeaseModel.query(on: db)
        if let s = filter.state { q.filter(\.$state == s.rawValue) }
        if let e = filter.enterpriseID { q.filter(\.$enterpriseID == e) }
        if let p = filter.parcelID { q.filter(\.$parcelID == p) }
        let total = try await q.count()
        let items = try await q.sort(\.$auctionDate, .descending).sort(\.$id)
            .range(request.offset ..< request.offset + request.perPage).all().map { $0.toDomain() }
        return Page(items: items, total: total, page: request.page, perPage: request.perPage)
    }

    /// The working calendar as stored (public holidays and make-up working days are data).
    public func calendar() async throws -> WorkingCalendar {
        var cal = WorkingCalendar(holidays: [], workingWeekends: [])
        // Read as plain rows: every clock of every module asks for the calendar, and decoding
        // through the model costs more than the query.
        guard let sql = db as? any SQLDatabase else { return cal }
        for row in try await sql.raw("SELECT date, kind FROM calendar_days").all() {
            guard let date = LocalDate(iso: try row.decode(column: "date", as: String.self)) else { continue }
            if try row.decode(column: "kind", as: String.self) == "holiday" { cal.holidays.insert(date) } else { cal.workingWeekends.insert(date) }
        }
        return cal
    }

    /// Records an auction won by an enterprise; the parcel must not be held by a live lease.
    public func recordAuction(parcelID: UUID, auction: AuctionRecord, by principal: Principal) async throws -> Lease {
        try principal.requireStaff()
        guard try await ParcelModel.find(parcelID, on: db) != nil else { throw DomainError.notFound("parcel", id: parcelID.uuidString) }
        guard try await EnterpriseModel.find(auction.winnerEnterpriseID, on: db) != nil else {
            throw DomainError.notFound("enterprise", id: auction.winnerEnterpriseID.uuidString)
        }
        if auction.winningBidYuan < auction.reservePriceYuan {
            throw DomainError(code: "bid_below_reserve", field: "winning_bid_yuan",
                              en: "the winning bid \(auction.winningBidYuan) yuan is below the reserve price \(auction.reservePriceYuan) yuan",
                              zh: "成交价 \(auction.winningBidYuan) 元低于底价 \(auction.reservePriceYuan) 元")
        }
        if auction.reservePriceYuan <= 0 || auction.depositYuan <= 0 {
            throw DomainError(code: "out_of_range", field: auction.reservePriceYuan <= 0 ? "reserve_price_yuan" : "deposit_yuan",
                              en: "prices and the deposit must be more than 0 yuan", zh: "底价和保证金须大于 0 元")
        }
        if auction.date > today {
            throw DomainError(code: "future_date", field: "auction_date", en: "the auction date \(auction.date) is in the future",
                              zh: "拍卖日期 \(auction.date) 晚于今天")
        }
        let held = try await LeaseModel.query(on: db).filter(\.$parcelID == parcelID).all()
            .contains { (LeaseState(rawValue: $0.state) ?? .auctioned).holdsLand }
        if held {
            throw DomainError(.conflict, code: "parcel_leased", field: "parcel_id",
                              en: "the parcel is already held under a live lease", zh: "该地块已有生效的出让")
        }
        var lease = Lease(id: UUID(), parcelID: parcelID, enterpriseID: auction.winnerEnterpriseID, state: .auctioned, auction: auction)
        lease.auction.confirmedOn = nil
        return try await save(lease, before: nil, action: "auction", by: principal)
    }

    /// Signs the confirmation of the deal; refused after 5 working days (the sale lapses instead).
    public func confirm(_ id: UUID, on date: LocalDate, by principal: Principal) async throws -> Lease {
        try principal.requireStaff()
        let before = try await require(id)
        var lease = before
        lease.state = try lease.state.transition(to: .confirmed)
        try Self.notInFuture(date, field: "confirmed_on", today: today)
        try ConfirmationRule.validateConfirmation(lease.auction, on: date, calendar: try await calendar())
        lease.auction.confirmedOn = date
        return try await save(lease, before: before, action: "confirm", by: principal)
    }

    /// Marks an unconfirmed sale as lapsed once its deadline has passed (the deposit is forfeited).
    public func lapseIfOverdue(_ id: UUID, by principal: Principal) async throws -> Lease {
        try principal.requireStaff()
        let before = try await require(id)
        guard ConfirmationRule.isLapsed(before.auction, today: today, calendar: try await calendar()) else {
            throw DomainError(.conflict, code: "not_overdue", field: "state",
                              en: "the confirmation deadline has not passed", zh: "确认期限尚未届满")
        }
        var lease = before
        lease.state = try lease.state.transition(to: .lapsed)
        return try await save(lease, before: before, action: "lapse", by: principal)
    }

    /// Signs the Land Grant Contract with its Industry Development Agreement.
    public func signContract(_ id: UUID, contract: GrantContract, commitments: [Commitment], by principal: Principal) async throws -> Lease {
        try principal.requireStaff()
        let before = try await require(id)
        var lease = before
        lease.state = try lease.state.transition(to: .contracted)
        guard let parcel = try await ParcelModel.find(lease.parcelID, on: db),
              let use = try await ParcelRepository(db: db).landUse(parcel.landUse) else {
            throw DomainError.notFound("parcel", id: lease.parcelID.uuidString)
        }
        try Self.notInFuture(contract.signedOn, field: "signed_on", today: today)
        try contract.validate(landUse: use, auction: lease.auction)
        try AgreementRules.validate(commitments)
        lease.contract = contract
        lease.commitments = commitments
        return try await save(lease, before: before, action: "contract", by: principal)
    }

    /// Moves a lease along its life cycle (construction started, production started, assessment due, expired).
    public func advance(_ id: UUID, to state: LeaseState, by principal: Principal) async throws -> Lease {
        try principal.requireStaff()
        let before = try await require(id)
        var lease = before
        if [.underConstruction, .inProduction, .assessmentDue, .expired].contains(state) {
            let window = try await RulesetRepository(db: db).active().windowMonths
            try before.checkManualMove(to: state, today: today, windowMonths: window)
        }
        lease.state = try lease.state.transition(to: state)
        if [.confirmed, .contracted, .lapsed, .assessed, .extended, .reclaimed].contains(state) {
            throw DomainError(.conflict, code: "use_dedicated_step", field: "state",
                              en: "\(state.rawValue) is reached through its own step (confirm, contract, assess, decide)",
                              zh: "“\(state.label.zh)”须通过对应的办理步骤完成")
        }
        return try await save(lease, before: before, action: "state:\(state.rawValue)", by: principal)
    }

    /// Signatures are recorded after the fact: a date after today is a typing error.
    static func notInFuture(_ date: LocalDate, field: String, today: LocalDate) throws(DomainError) {
        if date > today {
            throw DomainError(code: "future_date", field: field, en: "\(field) \(date) is after today (\(today))",
                              zh: "\(field) \(date) 晚于今天（\(today)）")
        }
    }

    func require(_ id: UUID) async throws -> Lease {
        guard let l = try await find(id) else { throw DomainError.notFound("lease", id: id.uuidString) }
        return l
    }

    func save(_ lease: Lease, before: Lease?, action: String, by principal: Principal) async throws -> Lease {
        let clock = self.clock
        return try await WriteGate.write(db) { tx in
            try await Self.persist(lease, before: before, action: action, by: principal, on: tx, clock: clock)
            return lease
        }
    }

    /// Writes a lease and its audit entry inside the caller's transaction.
    static func persist(_ lease: Lease, before: Lease?, action: String, by principal: Principal, on tx: any Database,
                        clock: ParkClock) async throws {
        let m = try await LeaseModel.find(lease.id, on: tx) ?? LeaseModel()
        m.id = lease.id
        m.apply(lease)
        m.updatedAtMillis = clock.millis
        try await m.save(on: tx)
        try await AuditLog(db: tx, clock: clock).append(by: principal, action: action, entityType: entityType,
                                                        entityID: lease.id!.uuidString, before: before, after: lease)
        try await LeaseAlertFactsStore.refresh([lease.id!], on: tx, today: LocalDate(clock.now()))
        try await ParcelLeaseListeners.notify(lease, before: before, by: principal, on: tx, clock: clock)
    }
}

/// Checks on an Industry Development Agreement as a whole.
public enum AgreementRules {
    public static func validate(_ commitments: [Commitment]) throws(DomainError) {
        for (i, c) in commitments.enumerated() {
            let field = "commitments[\(i)]"
            if c.weight < 0 || !c.weight.isFinite {
                throw DomainError(code: "out_of_range", field: field + ".weight", en: "weight must be 0 or more", zh: "权重不能为负")
            }
            if c.direction == .byDate && c.targetDate == nil {
                throw DomainError.required(field + ".target_date")
            }
            if c.direction != .byDate && (!c.target.isFinite || c.target < 0) {
                throw DomainError(code: "out_of_range", field: field + ".target", en: "target must be a number 0 or more",
                                  zh: "目标值须为非负数")
            }
            if c.measure == .averageLastYears && !(1...30).contains(c.years) {
                throw DomainError(code: "out_of_range", field: field + ".years", en: "years must be 1–30", zh: "年数须在 1–30 之间")
            }
            if c.kind == .custom && c.label.trimmingCharacters(in: .whitespaces).isEmpty {
                throw DomainError.required(field + ".label")
            }
            if (c.kind == .productionStart) != (c.direction == .byDate) {
                throw DomainError(code: "direction_kind", field: field + ".direction",
                                  en: "production start is measured by date, and only it", zh: "仅投产时间按日期考核")
            }
        }
    }
}
