import Foundation
import ParkDomain
import ZIPFoundation

/// An `.xlsx` workbook (Office Open XML SpreadsheetML), one sheet per report section: the XML
/// parts written by hand, the container by ZIPFoundation. Numbers stay numbers (cells Excel and
/// WPS can sum); text is inline, escaped; the header row and the title are bold.
enum XLSXWorkbook {
    static func data(_ sheets: [ReportSheet]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        var names: [String] = []
        for s in sheets { names.append(uniqueName(s.name, taken: names)) }
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(count: sheets.count)),
            ("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """),
            ("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(names.enumerated().map { i, n in "<sheet name=\"\(escape(n))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>" }.joined())</sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\((0..<sheets.count).map { i in "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>" }.joined())<Relationship Id="rId\(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
                """),
            ("xl/styles.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
                """),
        ]
        for (i, s) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", worksheet(s))) }
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: Date(timeIntervalSince1970: 1_577_836_800),
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let out = archive.data else { throw DomainError(code: "xlsx", en: "the workbook could not be written", zh: "无法生成工作簿") }
        return out
    }

    static func contentTypes(count: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\((1...max(count, 1)).prefix(count).map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())</Types>
        """
    }

    /// A sheet: the title on row 1, the header on row 3, the rows from row 4.
    static func worksheet(_ s: ReportSheet) -> String {
        var rows: [String] = []
        rows.append("<row r=\"1\">\(cell(.text(s.title), col: 0, row: 1, bold: true))</row>")
        rows.append("<row r=\"3\">\(s.columns.enumerated().map { cell(.text($1), col: $0, row: 3, bold: true) }.joined())</row>")
        for (i, r) in s.rows.enumerated() {
            let n = i + 4
            rows.append("<row r=\"\(n)\">\(r.enumerated().map { cell($1, col: $0, row: n, bold: false) }.joined())</row>")
        }
        let widths = s.columns.indices.map { i in "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(i == 0 ? 30 : 16)\" customWidth=\"1\"/>" }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>\(widths.isEmpty ? "" : "<cols>\(widths)</cols>")<sheetData>\(rows.joined())</sheetData></worksheet>
            """
    }

    static func cell(_ c: ReportCell, col: Int, row: Int, bold: Bool) -> String {
        let ref = column(col) + String(row), style = bold ? " s=\"1\"" : ""
        switch c {
        case .empty: return ""
        case .number: return "<c r=\"\(ref)\"\(style)><v>\(c.text)</v></c>"
        case .text(let t): return "<c r=\"\(ref)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(t))</t></is></c>"
        }
    }

    /// A, B, …, Z, AA, AB, …
    static func column(_ i: Int) -> String {
        var n = i + 1, out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// Sheet names: at most 31 characters, none of `[]:*?/\`, unique.
    static func uniqueName(_ raw: String, taken: [String]) -> String {
        let cleaned = String(raw.filter { !"[]:*?/\\".contains($0) }.prefix(28))
        var name = cleaned.isEmpty ? "Sheet" : cleaned, k = 2
        while taken.contains(name) { name = "\(cleaned) \(k)"; k += 1 }
        return name
    }

    /// XML text: markup characters escaped, control characters XML 1.0 forbids dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default: if u.value >= 0x20 { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}

/// The board pack as CSV: each section's title, header and rows, a blank line between sections,
/// UTF-8 with a BOM (Excel opens it as UTF-8); fields starting `= + - @` guarded as in every export.
enum IndicatorReportCSV {
    static func data(_ sheets: [ReportSheet]) -> Data {
        var out = "\u{FEFF}"
        for (i, s) in sheets.enumerated() {
            if i > 0 { out += "\n" }
            out += CSVWriter.line([s.title], formulaGuard: true) + "\n" + CSVWriter.line(s.columns, formulaGuard: true) + "\n"
            for r in s.rows {
                // Numbers as they are (a negative growth is not a formula); text guarded.
                out += r.map { c in
                    if case .text(let t) = c { return CSVWriter.escape(CSVWriter.guardFormula(t)) }
                    return CSVWriter.escape(c.text)
                }.joined(separator: ",") + "\n"
            }
        }
        return Data(out.utf8)
    }
}
