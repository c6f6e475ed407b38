import Foundation

/// Outbound projects as CSV (import and export share the columns; the export adds the
/// converted amounts, which an import ignores because it converts again at the rate table).
/// Every row error is collected with its line and column; the caller writes nothing while
/// there is any.
public enum OutboundCSV {
    public static let columns = ["credit_code", "title", "country", "target_company", "industry_code", "form", "equity_percent", "currency",
                                 "amount", "financing", "stage", "agreed_on", "remitted_on", "sensitive_activities", "abandon_reason"]
    /// Written by the export, ignored by the import.
    public static let derivedColumns = ["amount_usd", "amount_yuan", "rate_month", "belt_and_road", "region"]
    public static let required = ["credit_code", "title", "country", "industry_code", "form", "equity_percent", "currency", "amount"]
    public static let maxRows = 100_000

    /// A row read and checked on its own (the store still resolves the firm, the rate and the catalogues).
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var creditCode: String
        public var title: String
        public var countryCode: String
        public var targetCompany: String?
        public var industryCode: String
        public var form: InvestmentForm
        public var equityBasisPoints: Int
        public var amount: CurrencyAmount
        public var financing: [FinancingSource]
        public var stage: OutboundStage
        public var agreedOn: LocalDate?
        public var remittedOn: LocalDate?
        public var activities: [SensitiveActivity]
        public var abandonReason: String?
    }

    public static func decode(_ data: Data) -> (rows: [Row], errors: [RowError]) {
        let table: CSVTable, index: [String: Int]
        switch CSVTable.importTable(data, known: columns + derivedColumns, required: required) {
        case .failure(let refusal): return ([], refusal.errors)
        case .success(let t): (table, index) = t
        }
        if table.rows.count > maxRows {
            return ([], [RowError(row: 0, column: nil, error: Bounds.outOfRange("rows", 1...maxRows))])
        }
        var rows: [Row] = [], errors: [RowError] = []
        for row in table.rows {
            func value(_ c: String) -> String { index[c].map { row.fields[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            var failed = false
            func attempt<T>(_ c: String, _ body: () throws(DomainError) -> T) -> T? {
                do throws(DomainError) { return try body() } catch {
                    errors.append(RowError(row: row.line, column: error.field ?? c, error: error)); failed = true; return nil
                }
            }
            func list<T: RawRepresentable>(_ c: String, _ type: T.Type) -> [T]? where T.RawValue == String {
                var out: [T] = []
                for part in value(c).split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                    guard let v = T(rawValue: part) else {
                        errors.append(RowError(row: row.line, column: c, code: "invalid_value",
                                               message: Bilingual(zh: "\(c) 中的“\(part.prefix(40))”无法识别", en: "\(c): '\(part.prefix(40))' is not a known value")))
                        failed = true; return nil
                    }
                    out.append(v)
                }
                return out
            }
            func day(_ c: String) -> LocalDate? {
                let raw = value(c)
                if raw.isEmpty { return nil }
                guard let d = LocalDate(iso: raw) else {
                    errors.append(RowError(row: row.line, column: c, code: "invalid_date",
                                           message: Bilingual(zh: "\(c) 须为 YYYY-MM-DD，实际为“\(raw.prefix(20))”", en: "\(c) must be YYYY-MM-DD, not '\(raw.prefix(20))'")))
                    failed = true; return nil
                }
                return d
            }
            let credit = value("credit_code").uppercased()
            if credit.isEmpty { errors.append(RowError(row: row.line, column: "credit_code", error: .required("credit_code"))); failed = true }
            let industry = attempt("industry_code") { () throws(DomainError) -> String in
                guard let d = IndustryClassification.normalise(value("industry_code")) else {
                    throw DomainError(code: "unknown_industry", field: "industry_code", en: "'\(value("industry_code").prefix(10))' is not a GB/T 4754-2017 code",
                                      zh: "“\(value("industry_code").prefix(10))”不是 GB/T 4754-2017 行业代码")
                }
                return d
            }
            let form = attempt("form") { () throws(DomainError) -> InvestmentForm in
                guard let f = InvestmentForm(rawValue: value("form")) else {
                    throw DomainError(code: "invalid_value", field: "form", en: "form must be one of \(InvestmentForm.allCases.map(\.rawValue).joined(separator: ", "))",
                                      zh: "form 须为 \(InvestmentForm.allCases.map(\.rawValue).joined(separator: "、")) 之一")
                }
                return f
            }
            let stage = attempt("stage") { () throws(DomainError) -> OutboundStage in
                let raw = value("stage")
                guard let s = raw.isEmpty ? .consulting : OutboundStage(rawValue: raw) else {
                    throw DomainError(code: "invalid_value", field: "stage", en: "stage must be one of \(OutboundStage.allCases.map(\.rawValue).joined(separator: ", "))",
                                      zh: "stage 须为 \(OutboundStage.allCases.map(\.rawValue).joined(separator: "、")) 之一")
                }
                return s
            }
            let bp = attempt("equity_percent") { () throws(DomainError) in try OutboundRules.basisPoints(value("equity_percent")) }
            let amount = attempt("amount") { () throws(DomainError) in try ConvertedAmount.parse(value("amount"), currency: value("currency")) }
            let financing: [FinancingSource]? = value("financing").isEmpty ? [.ownFunds] : list("financing", FinancingSource.self)
            let activities = list("sensitive_activities", SensitiveActivity.self)
            let agreed = day("agreed_on"), remitted = day("remitted_on")
            guard !failed, let industry, let form, let stage, let bp, let amount, let financing, let activities else { continue }
            let target = value("target_company"), reason = value("abandon_reason")
            rows.append(Row(line: row.line, creditCode: credit, title: value("title"), countryCode: value("country").uppercased(),
                            targetCompany: target.isEmpty ? nil : target, industryCode: industry, form: form, equityBasisPoints: bp,
                            amount: amount, financing: financing, stage: stage, agreedOn: agreed, remittedOn: remitted,
                            activities: activities, abandonReason: reason.isEmpty ? nil : reason))
        }
        return (rows, errors)
    }

    /// The export's header: the import's columns, then the derived ones.
    public static var exportHeader: [String] { columns + derivedColumns }

    /// One project as an export line's fields.
    public static func fields(_ p: OutboundProject, creditCode: String) -> [String] {
        [creditCode, p.title, p.countryCode, p.targetCompany ?? "", p.industryCode, p.form.rawValue, OutboundRules.percentText(p.equityBasisPoints),
         p.amount.currency, p.amount.originalText, p.financing.map(\.rawValue).joined(separator: ";"), p.stage.rawValue, p.agreedOn?.iso ?? "",
         p.remittedOn?.iso ?? "", p.sensitiveActivities.map(\.rawValue).joined(separator: ";"), p.abandonReason ?? "",
         OutboundFormat.hundredths(p.amount.usdCents), OutboundFormat.hundredths(p.amount.yuanFen), p.amount.month.iso,
         p.beltAndRoad ? "true" : "false", WorldRegion.of(p.countryCode).rawValue]
    }
}

/// Country risk grades as CSV: `country,grade,political,economic,business_environment,legal,source_year`.
public enum CountryRiskCSV {
    public static let columns = ["country", "grade", "political", "economic", "business_environment", "legal", "source_year"]

    public static func decode(_ data: Data) -> (rows: [(line: Int, risk: CountryRisk)], errors: [RowError]) {
        let table: CSVTable, index: [String: Int]
        switch CSVTable.importTable(data, known: columns, required: columns) {
        case .failure(let refusal): return ([], refusal.errors)
        case .success(let t): (table, index) = t
        }
        var rows: [(Int, CountryRisk)] = [], errors: [RowError] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            func value(_ c: String) -> String { index[c].map { row.fields[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            var numbers: [Int] = []
            for c in columns.dropFirst() {
                guard let n = Int(value(c)) else {
                    errors.append(RowError(row: row.line, column: c, code: "invalid_value",
                                           message: Bilingual(zh: "\(c) 须为整数，实际为“\(value(c).prefix(20))”", en: "\(c) must be a whole number, not '\(value(c).prefix(20))'")))
                    break
                }
                numbers.append(n)
            }
            guard numbers.count == 6 else { continue }
            let code = value("country").uppercased()
            if let first = seen["\(code)|\(numbers[5])"] {
                errors.append(RowError(row: row.line, column: "country", code: "duplicate",
                                       message: Bilingual(zh: "\(code) \(numbers[5]) 年与第 \(first) 行重复", en: "\(code) \(numbers[5]) is also on line \(first)")))
                continue
            }
            seen["\(code)|\(numbers[5])"] = row.line
            rows.append((row.line, CountryRisk(countryCode: code, grade: numbers[0], political: numbers[1], economic: numbers[2],
                                               businessEnvironment: numbers[3], legal: numbers[4], sourceYear: numbers[5])))
        }
        return (rows, errors)
    }
}

/// Amounts as text for files and pages.
public enum OutboundFormat {
    /// "1234.50" from 123450 cents or fen.
    public static func hundredths(_ n: Int64) -> String {
        (n < 0 ? "-" : "") + "\(n.magnitude / 100)." + String(format: "%02d", Int(n.magnitude % 100))
    }

    /// 10.40 bn yuan / 104.00 亿元 style, for headline figures.
    public static func yuan(_ fen: Int64, _ lang: Language) -> String {
        let yuan = Double(fen) / 100
        if lang == .zh { return yuan >= 1e8 ? String(format: "%.2f 亿元", yuan / 1e8) : String(format: "%.2f 万元", yuan / 1e4) }
        return yuan >= 1e9 ? String(format: "%.2f bn yuan", yuan / 1e9) : String(format: "%.2f M yuan", yuan / 1e6)
    }

    public static func usd(_ cents: Int64, _ lang: Language) -> String {
        let usd = Double(cents) / 100
        if lang == .zh { return usd >= 1e8 ? String(format: "%.2f 亿美元", usd / 1e8) : String(format: "%.2f 万美元", usd / 1e4) }
        return usd >= 1e9 ? String(format: "US$%.2f bn", usd / 1e9) : String(format: "US$%.2f M", usd / 1e6)
    }
}
