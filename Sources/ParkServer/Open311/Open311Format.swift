import Foundation
import ParkDomain
import Vapor

/// GeoReport v2 answers in the format the path names: `….json` or `….xml` (the spec's two).
/// Every record is flat, so one list of (element, value) pairs per record writes both.
enum Open311Format: Sendable {
    case json, xml

    /// Splits "SR-000123.json" into ("SR-000123", .json); any other extension is not served.
    static func split(_ file: String, field: String) throws -> (String, Open311Format) {
        for (ext, format) in [(".json", Open311Format.json), (".xml", .xml)] where file.hasSuffix(ext) && file.count > ext.count {
            return (String(file.dropLast(ext.count)), format)
        }
        throw Open311Routes.Problem(status: .notFound, field: field, description: "only the .json and .xml formats are served")
    }

    /// A list of records under `root`, each as `item` (GeoReport v2's element names).
    func render(_ records: [any Open311Record], root: String, item: String, status: HTTPResponseStatus = .ok) throws -> Response {
        switch self {
        case .json:
            let array = records.map { r in
                Dictionary(r.fields.compactMap { k, v in v.json.map { (k, $0) } }, uniquingKeysWith: { a, _ in a })
            }
            let data = try JSONSerialization.data(withJSONObject: array, options: [.sortedKeys, .withoutEscapingSlashes])
            let res = Response(status: status, body: .init(data: data))
            res.headers.contentType = .json
            return res
        case .xml:
            var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<\(root)>"
            for r in records {
                out += "<\(item)>"
                for (k, v) in r.fields { out += v.xml(k) }
                out += "</\(item)>"
            }
            out += "</\(root)>\n"
            let res = Response(status: status, body: .init(string: out))
            res.headers.contentType = .xml
            return res
        }
    }

    /// One record on its own (a service definition).
    func render(one record: any Open311Record, root: String) throws -> Response {
        switch self {
        case .json:
            let object = Dictionary(record.fields.compactMap { k, v in v.json.map { (k, $0) } }, uniquingKeysWith: { a, _ in a })
            let res = Response(status: .ok, body: .init(data: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])))
            res.headers.contentType = .json
            return res
        case .xml:
            var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<\(root)>"
            for (k, v) in record.fields { out += v.xml(k) }
            let res = Response(status: .ok, body: .init(string: out + "</\(root)>\n"))
            res.headers.contentType = .xml
            return res
        }
    }
}

/// A value of a GeoReport field: text, a number, a boolean, absent, or an empty list.
enum Open311Value: Sendable {
    case text(String?), int(Int), bool(Bool), emptyList

    var json: Any? {
        switch self {
        case .text(let s): s
        case .int(let n): n
        case .bool(let b): b
        case .emptyList: [Any]()
        }
    }

    func xml(_ name: String) -> String {
        switch self {
        case .text(nil): "<\(name)/>"
        case .text(let s?): "<\(name)>\(Self.escape(s))</\(name)>"
        case .int(let n): "<\(name)>\(n)</\(name)>"
        case .bool(let b): "<\(name)>\(b)</\(name)>"
        case .emptyList: "<\(name)/>"
        }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Control characters other than tab and line breaks are not allowed in XML 1.0.
            case _ where c.value < 0x20 && c != "\t" && c != "\n" && c != "\r": continue
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// A record GeoReport v2 returns, as its elements in the spec's order.
protocol Open311Record: Sendable {
    var fields: [(String, Open311Value)] { get }
}
