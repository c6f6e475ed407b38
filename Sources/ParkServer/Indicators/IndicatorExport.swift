import Foundation
import ParkAPI
import ParkDomain
import ParkStore

/// The board pack and the profile as files, shared by the API, the console and the CLI: the
/// JSON is the API's own schema, so a file and a response read the same.
public enum IndicatorExport {
    static var encoder: JSONEncoder {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        enc.dateEncodingStrategy = .iso8601
        return enc
    }

    public static func reportJSON(_ report: IndicatorReport, derived: DerivedFigures?) throws -> Data {
        try encoder.encode(IndicatorMapping.report(report, derived: derived))
    }

    public static func reportCSV(_ report: IndicatorReport, derived: DerivedFigures?, _ lang: Language) -> Data {
        IndicatorReportCSV.data(IndicatorReportSheets.sheets(report, derived: derived, lang))
    }

    public static func reportXLSX(_ report: IndicatorReport, derived: DerivedFigures?, _ lang: Language) throws -> Data {
        try XLSXWorkbook.data(IndicatorReportSheets.sheets(report, derived: derived, lang))
    }

    public static func profileJSON(_ profile: EnterpriseProfile) throws -> Data {
        try encoder.encode(IndicatorMapping.profile(profile))
    }

    /// Columns padded to their widest cell (CJK characters count two), for a terminal.
    public static func textTable(_ header: [String], _ rows: [[String]]) -> String {
        func width(_ s: String) -> Int { s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) } }
        var widths = header.map(width)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], width(c)) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in c + String(repeating: " ", count: max(0, (i < widths.count ? widths[i] : 0) - width(c))) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line)).joined(separator: "\n")
    }
}
