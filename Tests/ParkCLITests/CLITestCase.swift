import ArgumentParser
import Foundation
import ParkCLI
import ParkDomain
import ParkStore
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Runs `parkos` commands in-process against a SQLite file in a fresh temporary directory.
/// These tests use SQLite files only: `DATABASE_URL` is removed while each test runs (and put
/// back afterwards, for the store and server tests that run PostgreSQL with it).
class CLITestCase: XCTestCase {
    var dir: URL!
    var dbPath: String { dir.appendingPathComponent("parkos.sqlite").path }
    private var savedDatabaseURL: String?

    override func setUp() async throws {
        try await super.setUp()
        savedDatabaseURL = ProcessInfo.processInfo.environment["DATABASE_URL"]
        unsetenv("DATABASE_URL")
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("parkos-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDown() async throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
        if let savedDatabaseURL { setenv("DATABASE_URL", savedDatabaseURL, 1) }
        try await super.tearDown()
    }

    /// What a command printed.
    struct Output { var stdout: String; var stderr: String }

    /// Parses and runs one command line; returns what it printed to standard output.
    @discardableResult
    func parkos(_ arguments: String..., file: StaticString = #filePath, line: UInt = #line) async throws -> String {
        var command = try XCTUnwrap(try ParkOSCommand.parseAsRoot(arguments) as? any AsyncParsableCommand,
                                    "\(arguments) is not async", file: file, line: line)
        let (output, error) = try await capture { try await command.run() }
        if let error { throw error }
        return output.stdout
    }

    /// Runs a command that must fail; returns its exit code and what it printed.
    func parkosFailing(_ arguments: String..., file: StaticString = #filePath,
                       line: UInt = #line) async throws -> (code: Int32?, output: Output) {
        var command = try XCTUnwrap(try ParkOSCommand.parseAsRoot(arguments) as? any AsyncParsableCommand)
        let (output, error) = try await capture { try await command.run() }
        switch error {
        case let e as ExitCode: return (e.rawValue, output)
        case nil: XCTFail("\(arguments) should have failed", file: file, line: line)
        case let e?: XCTFail("\(arguments) threw \(String(reflecting: e)) instead of an exit code", file: file, line: line)
        }
        return (nil, output)
    }

    /// Sends standard output and standard error to files while `body` runs.
    func capture(_ body: () async throws -> Void) async throws -> (Output, (any Error)?) {
        let paths = [STDOUT_FILENO, STDERR_FILENO].map { dir.appendingPathComponent("fd\($0)-\(UUID().uuidString).txt").path }
        var saved: [Int32] = []
        fflush(nil)
        for (fd, path) in zip([STDOUT_FILENO, STDERR_FILENO], paths) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            let file = open(path, O_WRONLY)
            saved.append(dup(fd))
            dup2(file, fd)
            close(file)
        }
        var failure: (any Error)?
        do { try await body() } catch { failure = error }
        fflush(nil)
        for (fd, copy) in zip([STDOUT_FILENO, STDERR_FILENO], saved) {
            dup2(copy, fd)
            close(copy)
        }
        let texts = try paths.map { try String(contentsOfFile: $0, encoding: .utf8) }
        return (Output(stdout: texts[0], stderr: texts[1]), failure)
    }

    /// Opens the test's database file directly, to check what a command did.
    func withStore<T>(_ body: (StoreRuntime) async throws -> T) async throws -> T {
        let store = try StoreRuntime(.sqliteFile(dbPath))
        do {
            let result = try await body(store)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            throw error
        }
    }

    static func code(_ n: Int) -> CreditCode {
        CreditCode.make(region: "320594", organisationBody: String(format: "MA1%05d", n))!
    }

    /// Writes a CSV file into the test directory and returns its path.
    func writeCSV(_ rows: [String], name: String = "firms.csv") throws -> String {
        let path = dir.appendingPathComponent(name).path
        let text = (["credit_code,name_zh,name_en,industry_code,clusters,employees"] + rows).joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
