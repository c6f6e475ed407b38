import Foundation

/// A policy source with its test cases, as shipped or as stored.
public struct PolicyPackage: Sendable, Hashable {
    public var id: String
    /// The policy source (`docs/policy-language.md`).
    public var source: String
    /// Its test cases (`PolicyTestRunner` format).
    public var tests: String

    public init(id: String, source: String, tests: String) { self.id = id; self.source = source; self.tests = tests }

    /// File names when written to a directory: `<id>.policy` and `<id>.tests`.
    public var files: [(name: String, contents: String)] { [("\(id).policy", source), ("\(id).tests", tests)] }
}

/// The policies shipped with ParkOS (Suzhou Industrial Park examples), each with its tests.
public enum PolicyLibrary {
    /// Every built-in policy and its tests.
    public static let builtIn: [PolicyPackage] = [rdExpenseSubsidy, regionalHeadquartersAward, foreignInvestmentAward,
                                                  landPriceIncentive, electricitySurcharge, srdiAward]

    /// The built-in policies parsed against the built-in catalogue.
    public static func builtInPolicies() throws(PolicyDiagnostic) -> [Policy] {
        var out: [Policy] = []
        for p in builtIn { out.append(try Policy.parse(p.source)) }
        return out
    }
}
