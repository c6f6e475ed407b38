import Foundation

/// The fields that differ between the before and after JSON of an audit entry, for display.
public enum AuditDiff {
    public struct Change: Sendable, Equatable {
        public var field: String
        public var before: String
        public var after: String
        public init(field: String, before: String, after: String) { self.field = field; self.before = before; self.after = after }
    }

    public static func changes(before: String?, after: String?) -> [Change] {
        let b = object(before), a = object(after)
        let keys = Set(b.keys).union(a.keys).sorted()
        return keys.compactMap { k in
            let x = b[k]?.text ?? "", y = a[k]?.text ?? ""
            return x == y ? nil : Change(field: k, before: x, after: y)
        }
    }

    static func object(_ json: String?) -> [String: JSONValue] {
        guard let json, let data = json.data(using: .utf8),
              case .object(let o)? = try? JSONDecoder().decode(JSONValue.self, from: data) else { return [:] }
        return o
    }
}

/// A JSON value, decoded without losing booleans or integers.
indirect enum JSONValue: Decodable, Sendable {
    case null, bool(Bool), int(Int64), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    var text: String {
        switch self {
        case .null: ""
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .string(let s): s
        case .array(let a): a.map(\.text).joined(separator: "; ")
        case .object(let o): o.keys.sorted().map { "\($0)=\(o[$0]!.text)" }.joined(separator: ", ")
        }
    }
}
