import Foundation

/// The scheme document: the one JSON form of a `PerMuScheme` that the store keeps, the API
/// accepts and returns, the CLI reads (`--scheme-file`) and the console edits. Keys are
/// snake_case; a normalisation is `{"kind": "ratio", "cap": 1.5}` or `{"kind": "min_max",
/// "low": 0, "high": 1}`; a grading rule `{"kind": "thresholds", "a": 90, "b": 75, "c": 60}` or
/// `{"kind": "shares", "a": 25, "b": 45, "c": 25, "d": 5}`; notes are `{"zh": …, "en": …}`.
extension PerMuScheme {
    /// The document of the scheme (sorted keys; indented when `pretty`).
    public func document(pretty: Bool = false) -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys]
        // Encoding plain structs, enums and finite doubles cannot fail.
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }

    /// The scheme of a document, validated: a malformed document names the key at fault and why,
    /// a bad scheme is refused with the reason (`validate()`).
    public static func fromDocument(_ data: Data) throws(DomainError) -> PerMuScheme {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let scheme: PerMuScheme
        do {
            scheme = try decoder.decode(PerMuScheme.self, from: data)
        } catch let error as DecodingError {
            throw documentError(error)
        } catch {
            throw DomainError(code: "invalid_json", field: "scheme", en: "the scheme is not valid JSON", zh: "评价办法不是有效的 JSON")
        }
        try scheme.validate()
        return scheme
    }

    /// A decoding error as a `DomainError` naming the key path (snake_case, e.g. `groups.0.indicators.2.weight`).
    static func documentError(_ error: DecodingError) -> DomainError {
        func path(_ keys: [any CodingKey]) -> String {
            let parts = keys.map { k in k.intValue.map(String.init) ?? snake(k.stringValue) }
            return parts.isEmpty ? "scheme" : parts.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return DomainError(code: "required", field: field, en: "\(field) is required", zh: "缺少 \(field)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let field = path(context.codingPath)
            return DomainError(code: "invalid_type", field: field, en: "\(field) has the wrong type: \(context.debugDescription)",
                               zh: "\(field) 的类型不正确")
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            if context.codingPath.isEmpty {
                return DomainError(code: "invalid_json", field: "scheme", en: "the scheme is not valid JSON", zh: "评价办法不是有效的 JSON")
            }
            return DomainError(code: "invalid_value", field: field, en: "\(field): \(context.debugDescription)", zh: "\(field) 的取值无效")
        @unknown default:
            return DomainError(code: "invalid_json", field: "scheme", en: "the scheme could not be read", zh: "无法读取评价办法")
        }
    }

    private static func snake(_ key: String) -> String {
        var out = ""
        for ch in key {
            if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }
}

extension PerMuNormalisation {
    private enum CodingKeys: String, CodingKey { case kind, cap, low, high }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "ratio": self = .ratio(cap: try c.decodeIfPresent(Double.self, forKey: .cap))
        case "min_max": self = .minMax(low: try c.decode(Double.self, forKey: .low), high: try c.decode(Double.self, forKey: .high))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown normalisation \"\(other)\" (ratio or min_max)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .ratio(let cap):
            try c.encode("ratio", forKey: .kind)
            try c.encodeIfPresent(cap, forKey: .cap)
        case .minMax(let low, let high):
            try c.encode("min_max", forKey: .kind)
            try c.encode(low, forKey: .low)
            try c.encode(high, forKey: .high)
        }
    }
}

extension PerMuGradingRule {
    private enum CodingKeys: String, CodingKey { case kind, a, b, c, d }

    public init(from decoder: any Decoder) throws {
        let k = try decoder.container(keyedBy: CodingKeys.self)
        let a = try k.decode(Double.self, forKey: .a), b = try k.decode(Double.self, forKey: .b), c = try k.decode(Double.self, forKey: .c)
        switch try k.decode(String.self, forKey: .kind) {
        case "thresholds": self = .thresholds(a: a, b: b, c: c)
        case "shares": self = .shares(a: a, b: b, c: c, d: try k.decode(Double.self, forKey: .d))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: k, debugDescription: "unknown grading rule \"\(other)\" (thresholds or shares)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var k = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .thresholds(let a, let b, let c):
            try k.encode("thresholds", forKey: .kind)
            try k.encode(a, forKey: .a); try k.encode(b, forKey: .b); try k.encode(c, forKey: .c)
        case .shares(let a, let b, let c, let d):
            try k.encode("shares", forKey: .kind)
            try k.encode(a, forKey: .a); try k.encode(b, forKey: .b); try k.encode(c, forKey: .c); try k.encode(d, forKey: .d)
        }
    }
}

// Decoding with the document's defaults: keys a scheme usually leaves at their common value
// may be left out (version 1; scope as `PerMuScope()`; weights summing to 100; no treatments;
// only the highest punitive tariff; a fixed benchmark, uncapped ratio, missing scoring 0 and
// more being better; equal scores sharing the better grade, each group graded on its own).

extension PerMuScheme {
    private enum DocumentKeys: String, CodingKey {
        case name, version, year, scope, groups, declaredWeightTotal, grading, treatments, onlyHighestPunitiveTariff
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: DocumentKeys.self)
        self.init(name: try c.decode(String.self, forKey: .name), version: try c.decodeIfPresent(Int.self, forKey: .version) ?? 1,
                  year: try c.decode(Int.self, forKey: .year), scope: try c.decodeIfPresent(PerMuScope.self, forKey: .scope) ?? PerMuScope(),
                  groups: try c.decode([PerMuGroup].self, forKey: .groups),
                  declaredWeightTotal: try c.decodeIfPresent(Double.self, forKey: .declaredWeightTotal) ?? 100,
                  grading: try c.decode(PerMuGrading.self, forKey: .grading),
                  treatments: try c.decodeIfPresent([PerMuTreatment].self, forKey: .treatments) ?? [],
                  onlyHighestPunitiveTariff: try c.decodeIfPresent(Bool.self, forKey: .onlyHighestPunitiveTariff) ?? true)
    }
}

extension PerMuScope {
    private enum DocumentKeys: String, CodingKey {
        case includeAboveSize, aboveSizeMinimumMu, belowSizeMinimumMu, includeNotProducingPastContractedDate, mergeSharedParcels
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: DocumentKeys.self)
        self.init(includeAboveSize: try c.decodeIfPresent(Bool.self, forKey: .includeAboveSize) ?? true,
                  aboveSizeMinimumMu: try c.decodeIfPresent(Double.self, forKey: .aboveSizeMinimumMu) ?? 0,
                  belowSizeMinimumMu: try c.decodeIfPresent(Double.self, forKey: .belowSizeMinimumMu),
                  includeNotProducingPastContractedDate: try c.decodeIfPresent(Bool.self, forKey: .includeNotProducingPastContractedDate) ?? true,
                  mergeSharedParcels: try c.decodeIfPresent(Bool.self, forKey: .mergeSharedParcels) ?? true)
    }
}

extension PerMuIndicatorRule {
    private enum DocumentKeys: String, CodingKey {
        case indicator, weight, benchmarkRule, benchmark, normalisation, missing, direction
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: DocumentKeys.self)
        self.init(try c.decode(PerMuIndicator.self, forKey: .indicator), weight: try c.decode(Double.self, forKey: .weight),
                  benchmark: try c.decodeIfPresent(Double.self, forKey: .benchmark),
                  benchmarkRule: try c.decodeIfPresent(PerMuBenchmarkRule.self, forKey: .benchmarkRule) ?? .fixed,
                  normalisation: try c.decodeIfPresent(PerMuNormalisation.self, forKey: .normalisation) ?? .ratio(cap: nil),
                  missing: try c.decodeIfPresent(PerMuMissingRule.self, forKey: .missing) ?? .zero,
                  direction: try c.decodeIfPresent(PerMuDirection.self, forKey: .direction) ?? .higherIsBetter)
    }
}

extension PerMuGrading {
    private enum DocumentKeys: String, CodingKey { case rule, ties, pooling }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: DocumentKeys.self)
        self.init(rule: try c.decode(PerMuGradingRule.self, forKey: .rule),
                  ties: try c.decodeIfPresent(PerMuTieRule.self, forKey: .ties) ?? .betterGrade,
                  pooling: try c.decodeIfPresent(PerMuPooling.self, forKey: .pooling) ?? .perGroup)
    }
}
