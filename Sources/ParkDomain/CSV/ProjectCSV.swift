import Foundation

/// Investment projects as CSV, the columns `parkos projects export` writes and `import` reads:
/// the investor by name (created when new), the project's fields, money as exact decimals with
/// their currency. Imported projects start as leads. Every row error is collected.
public enum ProjectCSV {
    public static let columns = ["code", "investor_name_zh", "investor_name_en", "origin_country", "investor_sector", "name_zh", "name_en",
                                 "type", "cluster", "industry_code", "total_investment", "currency", "registered_capital",
                                 "foreign_capital", "land_need_mu", "credit_code", "source", "first_contact_on", "confidential",
                                 "code_name", "stage"]
    public static let required = ["investor_name_zh", "origin_country", "name_zh", "type", "industry_code", "total_investment",
                                  "currency", "source", "first_contact_on"]

    public struct Row: Sendable {
        public var line: Int
        public var investor: Investor
        public var project: InvestmentProject
        public var creditCode: String?
    }

    /// Rows with a placeholder investor id (the importer resolves investors by name).
    public static func decode(_ data: Data) -> (rows: [Row], errors: [RowError]) {
        let table: CSVTable, index: [String: Int]
        switch CSVTable.importTable(data, known: columns, required: required) {
        case .failure(let refusal): return ([], refusal.errors)
        case .success(let t): (table, index) = t
        }
        var rows: [Row] = []
        var errors: [RowError] = []
        for row in table.rows {
            func value(_ c: String) -> String { index[c].map { row.fields[$0].trimmingCharacters(in: .whitespaces) } ?? "" }
            do throws(DomainError) {
                let currency = value("currency")
                func money(_ c: String) throws(DomainError) -> CurrencyAmount? {
                    value(c).isEmpty ? nil : try CurrencyAmount.parse(value(c), currency: currency, field: c)
                }
                guard let contact = LocalDate(iso: value("first_contact_on")) else {
                    throw DomainError(code: "invalid_date", field: "first_contact_on", en: "first_contact_on must be YYYY-MM-DD", zh: "首次接洽日期须为 YYYY-MM-DD")
                }
                guard let industry = IndustryClassification.normalise(value("industry_code")) else {
                    throw DomainError(code: "invalid_industry", field: "industry_code", en: "industry_code must be a GB/T 4754-2017 division", zh: "industry_code 须为 GB/T 4754-2017 行业大类")
                }
                var mu: Double?
                if !value("land_need_mu").isEmpty {
                    guard let m = Double(value("land_need_mu")), m.isFinite, m >= 0 else {
                        throw DomainError(code: "invalid_value", field: "land_need_mu", en: "land_need_mu must be a number 0 or more", zh: "用地需求须为非负数")
                    }
                    mu = m
                }
                let confidential = ["true", "1", "yes", "是"].contains(value("confidential").lowercased())
                let investor = Investor(nameZh: value("investor_name_zh"), nameEn: value("investor_name_en"),
                                        originCountry: value("origin_country").uppercased(),
                                        sector: value("investor_sector").isEmpty ? "C" : value("investor_sector").uppercased())
                try investor.validate()
                let project = InvestmentProject(investorID: UUID(), nameZh: value("name_zh"), nameEn: value("name_en"),
                                                type: try parseCode(value("type"), as: ProjectType.self, field: "type"),
                                                cluster: value("cluster").isEmpty ? nil : value("cluster"), industryCode: industry,
                                                totalInvestment: try money("total_investment") ?? CurrencyAmount(currency: currency, minor: 0),
                                                registeredCapital: try money("registered_capital"), foreignCapital: try money("foreign_capital"),
                                                landNeedMu: mu, source: try parseCode(value("source"), as: ProjectSource.self, field: "source"),
                                                firstContactOn: contact, confidential: confidential,
                                                codeName: value("code_name").isEmpty ? nil : value("code_name"))
                rows.append(Row(line: row.line, investor: investor, project: project, creditCode: value("credit_code").isEmpty ? nil : value("credit_code")))
            } catch {
                errors.append(RowError(row: row.line, column: error.field.map { $0 == "total_investment_currency" ? "currency" : $0 }, error: error))
            }
        }
        return (rows, errors)
    }

    /// One exported line (the import's columns).
    public static func line(code: String, investor: Investor, project p: InvestmentProject, creditCode: String?) -> [String] {
        [code, investor.nameZh, investor.nameEn, investor.originCountry, investor.sector, p.nameZh, p.nameEn, p.type.rawValue, p.cluster ?? "",
         p.industryCode, p.totalInvestment.text, p.totalInvestment.currency, p.registeredCapital?.text ?? "", p.foreignCapital?.text ?? "",
         p.landNeedMu.map { String($0) } ?? "", creditCode ?? "", p.source.rawValue, p.firstContactOn.iso, p.confidential ? "true" : "false",
         p.codeName ?? "", p.stage.rawValue]
    }
}
