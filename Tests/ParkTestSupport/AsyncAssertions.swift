import XCTest

// XCTest's assertions take synchronous autoclosures; these take `async` ones, so a test can
// write `await assertEqual(try await repo.count(), 2)`. Shared by the store, server and CLI tests.

public func assertEqual<T: Equatable>(_ a: @autoclosure () async throws -> T, _ b: @autoclosure () async throws -> T,
                               _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) async {
    do {
        let (x, y) = (try await a(), try await b())
        XCTAssertEqual(x, y, message(), file: file, line: line)
    } catch {
        XCTFail("threw \(String(reflecting: error)) \(message())", file: file, line: line)
    }
}

public func assertNil<T>(_ a: @autoclosure () async throws -> T?, _ message: @autoclosure () -> String = "",
                  file: StaticString = #filePath, line: UInt = #line) async {
    do {
        let x = try await a()
        XCTAssertNil(x, message(), file: file, line: line)
    } catch {
        XCTFail("threw \(String(reflecting: error)) \(message())", file: file, line: line)
    }
}

public func assertNotNil<T>(_ a: @autoclosure () async throws -> T?, _ message: @autoclosure () -> String = "",
                     file: StaticString = #filePath, line: UInt = #line) async {
    do {
        let x = try await a()
        XCTAssertNotNil(x, message(), file: file, line: line)
    } catch {
        XCTFail("threw \(String(reflecting: error)) \(message())", file: file, line: line)
    }
}

public func assertTrue(_ a: @autoclosure () async throws -> Bool, _ message: @autoclosure () -> String = "",
                file: StaticString = #filePath, line: UInt = #line) async {
    do {
        let x = try await a()
        XCTAssertTrue(x, message(), file: file, line: line)
    } catch {
        XCTFail("threw \(String(reflecting: error)) \(message())", file: file, line: line)
    }
}

public func unwrap<T>(_ a: @autoclosure () async throws -> T?, file: StaticString = #filePath, line: UInt = #line) async throws -> T {
    let x = try await a()
    return try XCTUnwrap(x, file: file, line: line)
}
