import Foundation

/// What a contracted-FDI entry counts (合同外资): the foreign investors' subscribed capital, or
/// shareholder loans from their offshore funds within the approved total investment.
public enum ContractedKind: String, Sendable, Codable, CaseIterable {
    case subscribedCapital = "subscribed_capital"
    case shareholderLoan = "shareholder_loan"

    public var label: Bilingual {
        switch self {
        case .subscribedCapital: Bilingual(zh: "外方认缴出资", en: "Subscribed capital")
        case .shareholderLoan: Bilingual(zh: "股东贷款", en: "Shareholder loan")
        }
    }
}

/// When a contracted-FDI entry was recorded: at signing or at a capital change (which may be
/// negative: a reduction).
public enum ContractedEvent: String, Sendable, Codable, CaseIterable {
    case signing
    case capitalChange = "capital_change"

    public var label: Bilingual {
        switch self {
        case .signing: Bilingual(zh: "签约", en: "Signing")
        case .capitalChange: Bilingual(zh: "增减资", en: "Capital change")
        }
    }
}

/// The kinds of utilised FDI (实际使用外资).
public enum InflowKind: String, Sendable, Codable, CaseIterable {
    case cash
    case inKind = "in_kind"
    case intellectualProperty = "ip_technology"
    case reinvestedEarnings = "reinvested_earnings"
    case shareholderLoan = "shareholder_loan"

    public var label: Bilingual {
        switch self {
        case .cash: Bilingual(zh: "现汇出资", en: "Cash contribution")
        case .inKind: Bilingual(zh: "实物出资", en: "Contribution in kind")
        case .intellectualProperty: Bilingual(zh: "知识产权/技术出资", en: "IP and technology")
        case .reinvestedEarnings: Bilingual(zh: "利润再投资", en: "Reinvested earnings")
        case .shareholderLoan: Bilingual(zh: "股东贷款提款", en: "Shareholder loan drawn")
        }
    }
}

/// One entry of a project's contracted-FDI ledger, in its original currency, with the
/// month's rate and the US$ and yuan it counted for when it was recorded.
public struct ContractedEntry: Sendable, Hashable, Codable {
    public var id: UUID
    public var projectID: UUID
    public var recordedOn: LocalDate
    public var kind: ContractedKind
    public var event: ContractedEvent
    public var amount: CurrencyAmount
    public var rate: ExchangeRate
    public var counted: ExchangeRate.Converted
    public var note: String

    public init(id: UUID, projectID: UUID, recordedOn: LocalDate, kind: ContractedKind, event: ContractedEvent,
                amount: CurrencyAmount, rate: ExchangeRate, counted: ExchangeRate.Converted, note: String = "") {
        self.id = id; self.projectID = projectID; self.recordedOn = recordedOn; self.kind = kind; self.event = event
        self.amount = amount; self.rate = rate; self.counted = counted; self.note = note
    }

    /// Builds an entry, checking it against the project: a signing entry is positive; a
    /// change is not zero; the date is not in the future nor before the project was signed;
    /// the month has a rate for the currency.
    public static func make(id: UUID, project: InvestmentProject, recordedOn: LocalDate, kind: ContractedKind, event: ContractedEvent,
                            amount: CurrencyAmount, note: String, rates: ExchangeRateTable, today: LocalDate) throws(DomainError) -> ContractedEntry {
        guard let signed = project.signedOn else {
            throw DomainError(.conflict, code: "not_signed", field: "project_id",
                              en: "contracted FDI is recorded from signing on: the project is \(project.stage.label.en.lowercased())",
                              zh: "合同外资自签约起登记：项目当前为“\(project.stage.label.zh)”")
        }
        if event == .signing { try amount.requirePositive(field: "amount") }
        if amount.minor == 0 {
            throw DomainError(code: "not_positive", field: "amount", en: "amount must not be 0", zh: "金额不能为 0")
        }
        try FDIDates.check(recordedOn, field: "recorded_on", notBefore: signed, today: today)
        if note.count > StageMove.maxNoteLength { throw DomainError.tooLong("note", max: StageMove.maxNoteLength) }
        let rate = try rates.rate(amount.currency, YearMonth(recordedOn), field: "currency")
        return ContractedEntry(id: id, projectID: try project.requireID(), recordedOn: recordedOn, kind: kind, event: event,
                               amount: amount, rate: rate, counted: try rate.convert(amount), note: note)
    }
}

/// One inflow of utilised FDI, dated by its arrival (the bank's registration date), in its
/// original currency with the month's rate stored, so a later change of the rate table never
/// rewrites what was counted.
public struct Inflow: Sendable, Hashable, Codable {
    public var id: UUID
    public var projectID: UUID
    public var arrivedOn: LocalDate
    public var kind: InflowKind
    public var amount: CurrencyAmount
    public var rate: ExchangeRate
    public var counted: ExchangeRate.Converted
    /// The bank's registration reference, if given.
    public var bankReference: String

    public init(id: UUID, projectID: UUID, arrivedOn: LocalDate, kind: InflowKind, amount: CurrencyAmount, rate: ExchangeRate,
                counted: ExchangeRate.Converted, bankReference: String = "") {
        self.id = id; self.projectID = projectID; self.arrivedOn = arrivedOn; self.kind = kind; self.amount = amount
        self.rate = rate; self.counted = counted; self.bankReference = bankReference
    }

    /// Builds an inflow, checking it: the amount is more than 0; it arrived neither in the
    /// future nor before the project was signed; its month has a rate for its currency.
    public static func make(id: UUID, project: InvestmentProject, arrivedOn: LocalDate, kind: InflowKind, amount: CurrencyAmount,
                            bankReference: String, rates: ExchangeRateTable, today: LocalDate) throws(DomainError) -> Inflow {
        try amount.requirePositive(field: "amount")
        guard let signed = project.signedOn else {
            throw DomainError(.conflict, code: "not_signed", field: "arrived_on",
                              en: "capital arrives after signing: the project is \(project.stage.label.en.lowercased())",
                              zh: "外资须在签约后到位：项目当前为“\(project.stage.label.zh)”")
        }
        try FDIDates.check(arrivedOn, field: "arrived_on", notBefore: signed, today: today)
        if bankReference.count > 100 { throw DomainError.tooLong("bank_reference", max: 100) }
        let rate = try rates.rate(amount.currency, YearMonth(arrivedOn), field: "currency")
        return Inflow(id: id, projectID: try project.requireID(), arrivedOn: arrivedOn, kind: kind, amount: amount,
                      rate: rate, counted: try rate.convert(amount), bankReference: bankReference)
    }
}

enum FDIDates {
    static func check(_ date: LocalDate, field: String, notBefore signed: LocalDate, today: LocalDate) throws(DomainError) {
        if date > today {
            throw DomainError(code: "future_date", field: field, en: "\(field) \(date) is after today (\(today))",
                              zh: "\(field) \(date) 晚于今天（\(today)）")
        }
        if date < signed {
            throw DomainError(code: "before_signing", field: field, en: "\(field) \(date) is before the project was signed on \(signed)",
                              zh: "\(field) \(date) 早于项目签约日期 \(signed)")
        }
    }
}

extension InvestmentProject {
    /// The id, or `not_found` for a project not stored yet.
    public func requireID() throws(DomainError) -> UUID {
        guard let id else { throw DomainError.notFound("project", id: code) }
        return id
    }
}
