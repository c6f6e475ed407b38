import XCTest
@testable import ParkDomain

final class CSVTableTests: XCTestCase {
    private func parse(_ text: String) throws -> CSVTable { try CSVTable.parse(Data(text.utf8)) }

    private func assertError(_ text: String, code: String, message: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try parse(text), file: file, line: line) { error in
            let e = error as? DomainError
            XCTAssertEqual(e?.code, code, file: file, line: line)
            XCTAssertEqual(e?.message.en, message, file: file, line: line)
        }
    }

    func testQuotedFieldsWithCommasAndDoubledQuotes() throws {
        // given
        let text = "a,b,c\n\"x, y\",\"say \"\"hi\"\"\",plain\n"
        // when
        let table = try parse(text)
        // then
        XCTAssertEqual(table.header, ["a", "b", "c"])
        XCTAssertEqual(table.rows, [CSVRow(line: 2, fields: ["x, y", "say \"hi\"", "plain"])])
    }

    func testCRLFAndCRAndLFLineEndsMixed() throws {
        // given
        let text = "a,b\r\n1,2\r3,4\n5,6"
        // when
        let table = try parse(text)
        // then
        XCTAssertEqual(table.rows.map(\.fields), [["1", "2"], ["3", "4"], ["5", "6"]])
        XCTAssertEqual(table.rows.map(\.line), [2, 3, 4])
    }

    func testNewlinesInsideQuotesAreDataAndCountAsLines() throws {
        // given a field spanning lines 2–4
        let text = "id,address\n1,\"星湖街 328 号\r\n创意产业园\n2 栋\"\n2,done\n"
        // when
        let table = try parse(text)
        // then
        XCTAssertEqual(table.rows[0], CSVRow(line: 2, fields: ["1", "星湖街 328 号\r\n创意产业园\n2 栋"]))
        XCTAssertEqual(table.rows[1], CSVRow(line: 5, fields: ["2", "done"]))
    }

    func testByteOrderMarkTrailingNewlineAndBlankLines() throws {
        // given a BOM, blank lines (also Excel's ",," rows) and a trailing newline
        let data = Data([0xEF, 0xBB, 0xBF] + Array("a,b\n\n1,2\n,\n  ,\r\n3,4\n".utf8))
        // when
        let table = try CSVTable.parse(data)
        // then
        XCTAssertEqual(table.header, ["a", "b"])
        XCTAssertEqual(table.rows, [CSVRow(line: 3, fields: ["1", "2"]), CSVRow(line: 6, fields: ["3", "4"])])
    }

    func testEmptyFieldsAndQuotedEmptyField() throws {
        // given
        let text = "a,b,c\n,\"\",x\n"
        // when
        let table = try parse(text)
        // then
        XCTAssertEqual(table.rows[0].fields, ["", "", "x"])
    }

    func testQuoteInsideUnquotedFieldIsKept() throws {
        // given
        let text = "size\n27\" panel\n"
        // when
        let table = try parse(text)
        // then
        XCTAssertEqual(table.rows[0].fields, ["27\" panel"])
    }

    func testGB18030BytesAreParsed() throws {
        // given "name\n苏州\n" in GBK
        let data = Data(Array("name\n".utf8) + [0xCB, 0xD5, 0xD6, 0xDD, 0x0A])
        // when
        let table = try CSVTable.parse(data)
        // then
        XCTAssertEqual(table.rows[0].fields, ["苏州"])
    }

    func testUnbalancedQuoteNamesTheLineWhereItOpened() {
        // given a quote opened on line 3 and never closed
        let text = "a,b\n1,2\n3,\"open\n4,5\n"
        // when / then
        assertError(text, code: "unbalanced_quotes",
                    message: "line 3: a quoted field opened here is never closed (unbalanced quotes)")
    }

    func testTextAfterClosingQuote() {
        // given
        let text = "a,b\n1,2\n\"x\"y,3\n"
        // when / then
        assertError(text, code: "text_after_quote",
                    message: "line 3: unexpected text after a closing quote in column 1")
    }

    func testWrongColumnCountNamesTheStartLine() {
        // given a 6-column header; the bad record starts on line 4 (after a two-line record)
        let text = "a,b,c,d,e,f\n1,2,3,4,5,\"6\n6\"\n1,2,3,4,5\n"
        // when / then
        assertError(text, code: "column_count", message: "row 4 has 5 columns, the header has 6")
    }

    func testRecordsReportsEveryRowWithoutCheckingWidth() throws {
        // given
        let text = "a,b\n1\n1,2,3\n"
        // when
        let records = try CSVTable.records(text)
        // then
        XCTAssertEqual(records.map(\.fields.count), [2, 1, 3])
        XCTAssertEqual(records.map(\.line), [1, 2, 3])
    }

    func testEmptyInputHasNoHeader() throws {
        // given / when
        let table = try parse("")
        // then
        XCTAssertEqual(table.header, [])
        XCTAssertEqual(table.rows, [])
    }

    func testWriterQuotesOnlyWhenNeeded() {
        // given
        let fields = ["plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", " lead", "trail ", "苏州", ""]
        // when
        let line = CSVWriter.line(fields)
        // then
        XCTAssertEqual(line, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",\" lead\",\"trail \",苏州,")
    }

    func testFormulaGuardOnlyWhenExporting() {
        // given
        let fields = ["=SUM(A1)", "+86 512", "-5", "@cmd", "ok", "'=x", "'abc"]
        // when
        let plain = CSVWriter.line(fields)
        let exported = CSVWriter.line(fields, formulaGuard: true)
        // then
        XCTAssertEqual(plain, "=SUM(A1),+86 512,-5,@cmd,ok,'=x,'abc")
        XCTAssertEqual(exported, "'=SUM(A1),'+86 512,'-5,'@cmd,ok,''=x,'abc")
    }

    func testFormulaGuardIsReversible() {
        // given
        let values = ["=1+1", "'=1+1", "''-x", "'abc", "abc", "", "'", "@"]
        // when
        let back = values.map { CSVWriter.removeFormulaGuard(CSVWriter.guardFormula($0)) }
        // then
        XCTAssertEqual(back, values)
    }

    func testWriterOutputReadsBackUnchanged() throws {
        // given
        let rows = [["h1", "h2", "h3"], ["a,b", "\"q\"", "x\r\ny"], [" s ", "", "中文"]]
        // when
        let table = try parse(CSVWriter.lines(rows))
        // then
        XCTAssertEqual([table.header] + table.rows.map(\.fields), rows)
    }
}
