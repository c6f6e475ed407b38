import Foundation

/// One test case of a policy: given facts, an evaluation date, the expected answer.
public struct PolicyTestCase: Sendable, Hashable {
    public var name: String
    public var line: Int
    public var asOf: LocalDate
    public var facts: PolicyFacts
    public var expectedStatus: PolicyStatus
    /// Expected amount in fen (nil: not checked / not applicable).
    public var expectedAmountFen: Int64?
    /// Expected missing facts (compared as a set).
    public var expectedMissing: [String]
}

/// A test file: which policy its cases are for, and the cases.
public struct PolicyTestFile: Sendable, Hashable {
    public var policyId: String
    public var cases: [PolicyTestCase]
}

/// The outcome of one case.
public struct PolicyTestResult: Sendable, Hashable {
    public var policyId: String
    public var name: String
    public var line: Int
    public var passed: Bool
    /// What differed (empty when passed).
    public var message: Bilingual
}

/// Policy test cases as data and their runner (`parkos policies test [DIR]`).
///
/// Format, one statement per line, `#` comments:
/// ```
/// policy sip_rd_expense_subsidy      # the policy the cases test (first statement)
/// as_of 2025-06-30                   # default evaluation date for the cases below
/// case "two brackets"                # starts a case; a case may have its own as_of
/// given rd_spend = 1200万元          # a fact (number with unit, date, true/false, "code", ["a", "b"])
/// expect eligible 1060000 yuan       # eligible | not_eligible | undetermined, [amount], [missing a, b]
/// ```
/// Facts not given are missing.
public enum PolicyTestRunner {
    /// Parses a test file; facts are checked against `catalogue` (name, type and unit).
    public static func parse(_ text: String, catalogue: PolicyFactCatalogue = .builtIn) throws(PolicyDiagnostic) -> PolicyTestFile {
        var policyId: String?, asOf: LocalDate?, cases: [PolicyTestCase] = []
        var current: PolicyTestCase?
        func fail(_ line: Int, _ en: String, _ zh: String) -> PolicyDiagnostic {
            PolicyDiagnostic(line: line, column: 1, code: "bad_test", en: en, zh: zh)
        }
        var sawExpect = false
        for (k, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = k + 1
            var s = String(raw)
            if let hash = s.firstIndex(of: "#"), !s[..<hash].contains("\"") || s[..<hash].filter({ $0 == "\"" }).count % 2 == 0 {
                s = String(s[..<hash])
            }
            s = s.trimmingCharacters(in: .whitespaces)
            if s.isEmpty { continue }
            let word = s.prefix { !$0.isWhitespace }
            let rest = s.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
            switch word {
            case "policy": policyId = rest
            case "as_of":
                guard let d = LocalDate(iso: rest) else { throw fail(line, "as_of needs a date YYYY-MM-DD", "as_of 需要日期 YYYY-MM-DD") }
                if current != nil { current?.asOf = d } else { asOf = d }
            case "case":
                if let c = current {
                    guard sawExpect else { throw fail(c.line, "case \(c.name) has no expect line", "用例 \(c.name) 缺少 expect 行") }
                    cases.append(c)
                }
                guard let d = asOf else { throw fail(line, "as_of must come before the first case", "第一个用例之前须有 as_of") }
                guard policyId != nil else { throw fail(line, "the file must start with 'policy ID'", "文件须以“policy 编号”开头") }
                let name = rest.hasPrefix("\"") && rest.hasSuffix("\"") && rest.count >= 2 ? String(rest.dropFirst().dropLast()) : rest
                current = PolicyTestCase(name: name, line: line, asOf: d, facts: PolicyFacts(), expectedStatus: .notEligible,
                                         expectedAmountFen: nil, expectedMissing: [])
                sawExpect = false
            case "given":
                guard current != nil else { throw fail(line, "'given' outside a case", "“given”不在用例中") }
                let (name, value) = try given(rest, line: line, catalogue: catalogue)
                current?.facts[name] = value
            case "expect":
                guard current != nil else { throw fail(line, "'expect' outside a case", "“expect”不在用例中") }
                try expect(rest, line: line, into: &current!)
                sawExpect = true
            default:
                throw fail(line, "expected policy, as_of, case, given or expect, found \(word)", "此处应为 policy、as_of、case、given 或 expect，实际为 \(word)")
            }
        }
        if let c = current {
            guard sawExpect else { throw fail(c.line, "case \(c.name) has no expect line", "用例 \(c.name) 缺少 expect 行") }
            cases.append(c)
        }
        guard let policyId else { throw fail(1, "the file must start with 'policy ID'", "文件须以“policy 编号”开头") }
        return PolicyTestFile(policyId: policyId, cases: cases)
    }

    static func given(_ text: String, line: Int, catalogue: PolicyFactCatalogue) throws(PolicyDiagnostic) -> (String, PolicyFactValue?) {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        func fail(_ en: String, _ zh: String) -> PolicyDiagnostic { PolicyDiagnostic(line: line, column: 1, code: "bad_test", en: en, zh: zh) }
        guard parts.count == 2 else { throw fail("expected 'given FACT = VALUE'", "应为“given 事实 = 值”") }
        guard let fact = catalogue[parts[0]] else { throw fail("unknown fact \(parts[0])", "未知的事实 \(parts[0])") }
        let v = parts[1]
        if v == "missing" { return (fact.name, nil) }
        if v.hasPrefix("[") {
            let items = v.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            guard case .codeList = fact.type else { throw fail("\(fact.name) is \(fact.type), not a list", "\(fact.name) 的类型为 \(fact.type)，不是列表") }
            return (fact.name, .codes(items.filter { !$0.isEmpty }))
        }
        if v.hasPrefix("\"") {
            guard case .code = fact.type else { throw fail("\(fact.name) is \(fact.type), not a code", "\(fact.name) 的类型为 \(fact.type)，不是代码") }
            return (fact.name, .code(String(v.dropFirst().dropLast())))
        }
        if v == "true" || v == "false" {
            guard fact.type == .bool else { throw fail("\(fact.name) is \(fact.type), not a bool", "\(fact.name) 的类型为 \(fact.type)，不是布尔值") }
            return (fact.name, .bool(v == "true"))
        }
        do throws(PolicyDiagnostic) {
            var p = try PolicyParser(v)
            let (raw, type) = try p.literal()
            guard p.atEnd else { throw fail("unexpected text after the value of \(fact.name)", "\(fact.name) 的值后有多余内容") }
            if type == .date, fact.type == .date {
                return (fact.name, .date(LocalDate(policyRaw: raw)!))
            }
            guard type == fact.type || (type.isDimensionless && fact.type.isDimensionless) else {
                throw fail("\(fact.name) is \(fact.type), the value is \(type) — write the unit", "\(fact.name) 的类型为 \(fact.type)，值为 \(type)——请写明单位")
            }
            return (fact.name, .quantity(micro: raw))
        } catch {
            if error.code == "bad_test" { throw error }
            throw fail("bad value for \(fact.name): \(error.message.en)", "\(fact.name) 的值有误：\(error.message.zh)")
        }
    }

    static func expect(_ text: String, line: Int, into c: inout PolicyTestCase) throws(PolicyDiagnostic) {
        func fail(_ en: String, _ zh: String) -> PolicyDiagnostic { PolicyDiagnostic(line: line, column: 1, code: "bad_test", en: en, zh: zh) }
        var rest = Substring(text)
        let word = rest.prefix { !$0.isWhitespace }
        rest = rest.dropFirst(word.count).drop { $0.isWhitespace }
        switch word {
        case "eligible": c.expectedStatus = .eligible
        case "not_eligible": c.expectedStatus = .notEligible
        case "undetermined": c.expectedStatus = .undetermined
        default: throw fail("expected eligible, not_eligible or undetermined", "应为 eligible、not_eligible 或 undetermined")
        }
        var amountText = rest, missingText: Substring = ""
        if let r = rest.range(of: "missing") { amountText = rest[..<r.lowerBound]; missingText = rest[r.upperBound...] }
        let a = amountText.trimmingCharacters(in: .whitespaces)
        if !a.isEmpty {
            do throws(PolicyDiagnostic) {
                var p = try PolicyParser(a)
                let (raw, type) = try p.literal()
                guard p.atEnd else { throw fail("unexpected text after the amount", "金额后有多余内容") }
                guard type == .money(.cny), raw % PolicyFixed.perFen == 0 else { throw fail("the amount must be money in yuan, to the fen", "金额应为人民币，精确到分") }
                c.expectedAmountFen = raw / PolicyFixed.perFen
            } catch {
                if error.code == "bad_test" { throw error }
                throw fail("bad amount: \(error.message.en)", "金额有误：\(error.message.zh)")
            }
        }
        c.expectedMissing = missingText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `parkos policies test [DIR]`: the files of a directory (name and contents); every
    /// `*.policy` file is parsed (a parse error is a failed result at its line) and every
    /// `*.tests` file runs against them. Without files, the built-in packages are tested.
    public static func run(files: [(name: String, contents: String)], catalogue: PolicyFactCatalogue = .builtIn) -> [PolicyTestResult] {
        let all = files.isEmpty ? PolicyLibrary.builtIn.flatMap(\.files) : files
        var policies: [Policy] = [], out: [PolicyTestResult] = []
        for f in all where f.name.hasSuffix(".policy") {
            do { policies.append(try Policy.parse(f.contents, catalogue: catalogue)) } catch {
                out.append(PolicyTestResult(policyId: f.name, name: "(parse)", line: error.line, passed: false, message: error.domainError.message))
            }
        }
        for f in all where f.name.hasSuffix(".tests") {
            out += run(f.contents, policies: policies, catalogue: catalogue)
        }
        return out
    }

    /// Runs a test file's cases against the policy of the same id among `policies`.
    public static func run(_ text: String, policies: [Policy], catalogue: PolicyFactCatalogue = .builtIn) -> [PolicyTestResult] {
        let file: PolicyTestFile
        do { file = try parse(text, catalogue: catalogue) } catch {
            return [PolicyTestResult(policyId: "?", name: "(file)", line: error.line, passed: false, message: error.domainError.message)]
        }
        guard let policy = policies.first(where: { $0.id == file.policyId }) else {
            return [PolicyTestResult(policyId: file.policyId, name: "(file)", line: 1, passed: false,
                                     message: Bilingual(zh: "未找到政策 \(file.policyId)", en: "policy \(file.policyId) was not found"))]
        }
        return file.cases.map { run($0, policy: policy) }
    }

    /// Runs one case.
    public static func run(_ c: PolicyTestCase, policy: Policy) -> PolicyTestResult {
        var en: [String] = [], zh: [String] = []
        do {
            let o = try policy.evaluate(c.facts, asOf: c.asOf)
            if o.status != c.expectedStatus {
                en.append("expected \(c.expectedStatus.label.en), got \(o.status.label.en)")
                zh.append("应为“\(c.expectedStatus.label.zh)”，实际为“\(o.status.label.zh)”")
            }
            if let e = c.expectedAmountFen, o.amountFen != e {
                let got = o.amountFen.map { PolicyFixed.render($0 * PolicyFixed.perFen, .money(.cny)) } ?? "none"
                en.append("expected amount \(PolicyFixed.render(e * PolicyFixed.perFen, .money(.cny))), got \(got)")
                zh.append("金额应为 \(PolicyFixed.render(e * PolicyFixed.perFen, .money(.cny)))，实际为 \(got)")
            }
            if c.expectedAmountFen == nil, c.expectedStatus == .eligible, c.expectedMissing.isEmpty, o.amountFen == nil {
                en.append("the amount is undetermined (missing \(o.missingFacts.joined(separator: ", ")))")
                zh.append("金额待定（缺少 \(o.missingFacts.joined(separator: "、"))）")
            }
            if Set(o.missingFacts) != Set(c.expectedMissing) {
                en.append("expected missing [\(c.expectedMissing.joined(separator: ", "))], got [\(o.missingFacts.joined(separator: ", "))]")
                zh.append("缺失数据应为 [\(c.expectedMissing.joined(separator: "、"))]，实际为 [\(o.missingFacts.joined(separator: "、"))]")
            }
        } catch {
            en.append(error.message.en); zh.append(error.message.zh)
        }
        return PolicyTestResult(policyId: policy.id, name: c.name, line: c.line, passed: en.isEmpty,
                                message: Bilingual(zh: zh.joined(separator: "；"), en: en.joined(separator: "; ")))
    }
}
