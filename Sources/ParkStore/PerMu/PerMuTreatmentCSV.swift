import Foundation
import ParkDomain

/// The treatment list as the utilities receive it (API, console and CLI write the same file):
/// UTF-8 with a BOM (so Excel and WPS read the Chinese names), one row per enterprise whose
/// electricity rate the run changes, amounts exact to the fen.
public enum PerMuTreatmentCSV {
    public static let columns = ["credit_code", "name_zh", "name_en", "grade", "consecutive_years", "electricity_kwh",
                                 "added_rate_yuan_per_kwh", "surcharge_yuan"]

    /// The byte-order mark and the header line.
    public static let head = "\u{FEFF}" + CSVWriter.line(columns) + "\n"

    public static func data(_ rows: [PerMuTreatmentRow]) -> Data { Data((head + lines(rows)).utf8) }

    /// The rows' lines (a batch of a streamed export).
    public static func lines(_ rows: [PerMuTreatmentRow]) -> String {
        var out = ""
        for r in rows {
            out += CSVWriter.line([r.creditCode, r.nameZh, r.nameEn, r.grade.rawValue, String(r.consecutiveYears),
                                   r.electricityKWh.map { String(format: "%.2f", $0) } ?? "",
                                   String(format: "%.4f", r.addedRate), FenText.yuan(r.surchargeFen)],
                                  formulaGuard: true) + "\n"
        }
        return out
    }
}
