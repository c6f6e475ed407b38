import Foundation

/// Reads one data row of an enterprise CSV into an `Enterprise`, collecting a `RowError` for
/// every field that does not parse (not only the first).
struct EnterpriseRowReader {
    let fields: [String]
    /// Column name → position in `fields`; absent optional columns take their defaults.
    let index: [String: Int]
    let line: Int
    private(set) var errors: [RowError] = []
    /// The credit code when it is valid (checked apart from the other fields).
    private(set) var creditCode: CreditCode?

    init(fields: [String], index: [String: Int], line: Int) {
        self.fields = fields; self.index = index; self.line = line
    }

    /// Stands in for an invalid credit code so the other fields can still be validated.
    private static let placeholderCode = CreditCode.make(region: "000000", organisationBody: "00000000")!

    /// The trimmed value of a column ("" when the column is absent), formula guard removed.
    func value(_ column: String) -> String {
        guard let i = index[column] else { return "" }
        return CSVWriter.removeFormulaGuard(fields[i].trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private mutating func fail(_ column: String, _ code: String, en: String, zh: String) {
        errors.append(RowError(row: line, column: column, code: code, en: en, zh: zh))
    }

    /// The enterprise when every field parsed (the credit code may still be invalid: see
    /// `creditCode` and `errors`), else nil.
    mutating func enterprise() -> Enterprise? {
        let rawCode = value("credit_code")
        if rawCode.isEmpty {
            errors.append(RowError(row: line, column: "credit_code", error: .required("credit_code")))
        } else {
            do throws(DomainError) {
                creditCode = try CreditCode(rawCode)
            } catch {
                errors.append(RowError(row: line, column: "credit_code", error: error))
            }
        }
        let before = errors.count

        var industry = value("industry_code")
        if industry.isEmpty {
            errors.append(RowError(row: line, column: "industry_code", error: .required("industry_code")))
        } else if let division = IndustryClassification.normalise(industry) {
            industry = division
        } else {
            fail("industry_code", "unknown_industry",
                 en: "industry code '\(industry)' is not a GB/T 4754-2017 division (e.g. 27, C27 or 2710)",
                 zh: "行业代码“\(industry)”不是 GB/T 4754-2017 的行业大类（如 27、C27 或 2710）")
        }
        let clusters = value("clusters").split(whereSeparator: { $0 == ";" || $0 == "；" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let ownership = parseOwnership(value("ownership"))
        let origin = value("origin_country").uppercased()
        let parent = value("fortune500_parent")
        let regionalHQ = bool("regional_hq"), rdCentre = bool("rd_centre")
        let aboveSize = bool("above_designated_size")
        let listing = parseListing(value("listing"))
        let employees = integer("employees")
        let founded = date("founded_on")
        guard errors.count == before, let ownership, let listing, let employees, let founded,
              let regionalHQ, let rdCentre, let aboveSize else { return nil }
        return Enterprise(
            creditCode: creditCode ?? Self.placeholderCode, nameZh: value("name_zh"), nameEn: value("name_en"),
            industryCode: industry, clusters: clusters, ownership: ownership,
            originCountry: origin.isEmpty ? "CN" : origin, fortune500Parent: parent.isEmpty ? nil : parent,
            regionalHeadquarters: regionalHQ, rdCentre: rdCentre, listing: listing,
            aboveDesignatedSize: aboveSize, employees: employees, foundedOn: founded,
            address: value("address"))
    }

    /// true/false, 1/0, yes/no, y/n, 是/否 (any case); empty is false.
    private mutating func bool(_ column: String) -> Bool? {
        let v = value(column)
        switch v.lowercased() {
        case "true", "1", "yes", "y", "是": return true
        case "false", "0", "no", "n", "否", "": return false
        default:
            fail(column, "invalid_boolean",
                 en: "\(column) must be true or false (or 1/0, yes/no, y/n, 是/否), found '\(v)'",
                 zh: "\(column) 应为 true 或 false（也可填 1/0、yes/no、y/n、是/否），实际为“\(v)”")
            return nil
        }
    }

    /// An optional integer: `.some(nil)` when empty, nil when it does not parse.
    private mutating func integer(_ column: String) -> Int?? {
        let v = value(column)
        if v.isEmpty { return .some(nil) }
        if let n = Int(v) { return .some(n) }
        fail(column, "invalid_integer", en: "\(column) must be a whole number, found '\(v)'",
             zh: "\(column) 应为整数，实际为“\(v)”")
        return nil
    }

    private mutating func date(_ column: String) -> LocalDate?? {
        let v = value(column)
        if v.isEmpty { return .some(nil) }
        if let d = LocalDate(iso: v) { return .some(d) }
        fail(column, "invalid_date",
             en: "\(column) must be a date YYYY-MM-DD (e.g. 2019-06-30), found '\(v)'; "
                 + "if Excel changed the format, format the column as text",
             zh: "\(column) 应为 YYYY-MM-DD 格式的日期（如 2019-06-30），实际为“\(v)”；"
                 + "若被 Excel 改了格式，请将该列设为文本")
        return nil
    }

    /// A raw value (domestic, foreign, hmt, joint_venture) or a label in either language; empty
    /// is domestic.
    private mutating func parseOwnership(_ v: String) -> Ownership? {
        if v.isEmpty { return .domestic }
        let key = v.lowercased()
        if let o = Ownership.allCases.first(where: {
            $0.rawValue == key || $0.label.zh == v || $0.label.en.lowercased() == key
        }) { return o }
        fail("ownership", "unknown_ownership",
             en: "ownership must be one of \(Ownership.allCases.map(\.rawValue).joined(separator: ", ")), found '\(v)'",
             zh: "所有制类型应为 \(Ownership.allCases.map(\.rawValue).joined(separator: "、")) 之一，实际为“\(v)”")
        return nil
    }

    /// A `ListingBoard` raw value or label; empty means not listed (`.some(nil)`).
    private mutating func parseListing(_ v: String) -> ListingBoard?? {
        if v.isEmpty { return .some(nil) }
        let key = v.lowercased()
        if let b = ListingBoard.allCases.first(where: {
            $0.rawValue == key || $0.label.zh == v || $0.label.en.lowercased() == key
        }) { return .some(b) }
        fail("listing", "unknown_listing",
             en: "listing must be empty or one of \(ListingBoard.allCases.map(\.rawValue).joined(separator: ", ")), found '\(v)'",
             zh: "上市板块应为空或 \(ListingBoard.allCases.map(\.rawValue).joined(separator: "、")) 之一，实际为“\(v)”")
        return nil
    }
}
