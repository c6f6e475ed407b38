import ParkDomain
import ParkStore
import Vapor

/// The land bureau's forms for the sale: record an auction (parcel page), confirm the deal or
/// mark it lapsed, and sign the contract with its Industry Development Agreement (lease page).
enum SaleForms {
    static func register(_ router: ConsoleRouter) {
        router.on(.land(.recordAuction(.key))) { req in try await recordAuction(req) }
        router.on(.land(.confirm(.key))) { req in try await confirm(req) }
        router.on(.land(.lapse(.key))) { req in try await lapse(req) }
        router.on(.land(.contract(.key))) { req in try await contract(req) }
    }

    static func field(_ name: String, _ label: String, type: String = "number", value: String = "", required: Bool = true) -> HTML {
        "<label>\(label)<input type=\"\(type)\" name=\"\(name)\" value=\"\(value)\" \(required ? "required" : "") min=\"0\" step=\"any\"></label>"
    }

    // MARK: auction (parcel page)

    static func auctionForm(parcelID: UUID, csrf: String?, today: LocalDate, lang: Language) -> HTML {
        """
        <section class="card"><h2>\(LandText.recordAuction(lang))</h2>
        <form method="post" action="\(ConsoleURL.land(.recordAuction(.value(parcelID))))" class="filters">\(Markup.csrfField(csrf))
        <label>\(LandText.winner(lang)) (\(ConsoleText.creditCode(lang)))<input name="winner_code" class="mono" maxlength="18" required></label>
        \(field("auction_date", LandText.auctionDate(lang), type: "date", value: today.iso))
        \(field("reserve_price_yuan", LandText.reservePrice(lang) + " (" + LandText.yuan(lang) + ")"))
        \(field("winning_bid_yuan", LandText.winningBid(lang) + " (" + LandText.yuan(lang) + ")"))
        \(field("deposit_yuan", LandText.deposit(lang) + " (" + LandText.yuan(lang) + ")"))
        <button class="btn">\(ConsoleText.save(lang))</button></form></section>
        """
    }

    struct AuctionForm: Content {
        var winner_code: String?; var auction_date: String?; var reserve_price_yuan: Int64?; var winning_bid_yuan: Int64?; var deposit_yuan: Int64?
    }

    static func recordAuction(_ req: Request) async throws -> Response {
        let ctx = PageContext(req)
        let parcelID = try req.pathID()
        let f = try decode(AuctionForm.self, req)
        let code = try CreditCode(f.winner_code ?? "")
        guard let winner = try await ctx.park.enterprises.find(creditCode: code.value) else {
            throw Names.notFound(ConsoleText.enterpriseRecord, id: code.value)
        }
        let auction = AuctionRecord(date: try day(f.auction_date, "auction_date"), reservePriceYuan: try need(f.reserve_price_yuan, "reserve_price_yuan"),
                                    winningBidYuan: try need(f.winning_bid_yuan, "winning_bid_yuan"), depositYuan: try need(f.deposit_yuan, "deposit_yuan"),
                                    winnerEnterpriseID: winner.id!)
        let lease = try await LeaseRepository(db: ctx.db, clock: ctx.park.clock).recordAuction(parcelID: parcelID, auction: auction, by: try ctx.user())
        return req.redirect(to: .land(.lease(.value(lease.id!))))
    }

    // MARK: confirmation (lease page)

    static func confirmForm(_ l: Lease, calendar: WorkingCalendar, csrf: String?, today: LocalDate, lang: Language) -> HTML {
        let id = l.id!
        let deadline = ConfirmationRule.deadline(auctionDate: l.auction.date, calendar: calendar)
        let lapsed = ConfirmationRule.isLapsed(l.auction, today: today, calendar: calendar)
        let lapse: HTML = lapsed ? """
            <form method="post" action="\(ConsoleURL.land(.lapse(.value(id))))" class="inline">\(Markup.csrfField(csrf))<button class="btn danger small">\(LandText.markLapsed(lang))</button></form>
            """ : .empty
        return """
        <h2>\(LandText.signConfirmation(lang))</h2>
        <p class="sub">\(LandText.confirmationDeadline(lang)): <strong>\(deadline.iso)</strong></p>
        <form method="post" action="\(ConsoleURL.land(.confirm(.value(id))))" class="filters">\(Markup.csrfField(csrf))
        \(field("date", LandText.confirmedOn(lang), type: "date", value: min(today, deadline).iso))<button class="btn">\(ConsoleText.save(lang))</button></form>\(lapse)
        """
    }

    static func confirm(_ req: Request) async throws -> Response {
        try await leaseAction(req) { lease, p, ctx in
            let date = try day(try? req.content.get(String.self, at: "date"), "date")
            _ = try await LeaseRepository(db: ctx.db, clock: ctx.park.clock).confirm(lease.id!, on: date, by: p)
        }
    }

    static func lapse(_ req: Request) async throws -> Response {
        try await leaseAction(req) { lease, p, ctx in
            _ = try await LeaseRepository(db: ctx.db, clock: ctx.park.clock).lapseIfOverdue(lease.id!, by: p)
        }
    }

    /// Runs a staff action on the lease and shows the lease page again with the outcome.
    static func leaseAction(_ req: Request, _ action: (Lease, Principal, PageContext) async throws -> Void) async throws -> Response {
        let ctx = PageContext(req)
        let id = try req.pathID()
        let x = try await LeasePage.Loaded.load(id, on: ctx)
        do {
            try await action(x.lease, try ctx.user(), ctx)
            return req.redirect(to: .land(.lease(.value(id))))
        } catch let e as DomainError where e.kind != .forbidden && e.kind != .notFound {
            return try await LeasePage.response(id, notice: .refusal(e, ctx.language), status: Problem.status(of: e.kind), ctx)
        }
    }

    static func decode<F: Content>(_ type: F.Type, _ req: Request) throws -> F {
        do { return try req.content.decode(type) } catch {
            throw DomainError(code: "invalid_number", field: "form", en: "amounts must be whole numbers of yuan; dates YYYY-MM-DD",
                              zh: "金额须为整数（元），日期格式为 YYYY-MM-DD")
        }
    }

    static func day(_ raw: String?, _ field: String) throws(DomainError) -> LocalDate {
        guard let raw, let d = LocalDate(iso: raw) else {
            throw DomainError(code: "invalid_date", field: field, en: "\(field) must be a date YYYY-MM-DD", zh: "\(field) 须为 YYYY-MM-DD 格式的日期")
        }
        return d
    }

    static func need<V>(_ v: V?, _ field: String) throws(DomainError) -> V {
        guard let v else { throw DomainError.required(field) }
        return v
    }
}
