import Foundation

/// What an attachment may be: PDF, images and office files, at most `maxBytes`, recognised by
/// their first bytes (a renamed executable is refused whatever its name says).
public enum AttachmentRules {
    /// 5 MiB per file.
    public static let maxBytes = 5 * 1024 * 1024
    /// At most this many files on one request.
    public static let maxPerRequest = 20

    public enum Kind: String, Sendable, CaseIterable {
        case pdf, png, jpeg, docx, xlsx, pptx, doc, xls

        public var contentType: String {
            switch self {
            case .pdf: "application/pdf"
            case .png: "image/png"
            case .jpeg: "image/jpeg"
            case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            case .doc: "application/msword"
            case .xls: "application/vnd.ms-excel"
            }
        }

        /// File name endings that go with the kind.
        var extensions: [String] {
            switch self {
            case .jpeg: ["jpg", "jpeg"]
            default: [rawValue]
            }
        }
    }

    /// The kind of a file, or a refusal naming `file`: empty, over the limit, a name without an
    /// allowed ending, or content whose first bytes do not match the ending.
    public static func check(filename: String, data: Data) throws(DomainError) -> Kind {
        let name = filename.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200, !name.contains("/"), !name.contains("\\") else {
            throw DomainError(code: "invalid_filename", field: "filename", en: "a file name is 1–200 characters without slashes",
                              zh: "文件名须为 1–200 个字符且不含斜杠")
        }
        guard !data.isEmpty else {
            throw DomainError(code: "empty_file", field: "file", en: "the file is empty", zh: "文件为空")
        }
        guard data.count <= maxBytes else {
            throw DomainError(.tooLarge, code: "too_large", field: "file",
                              en: "the file is \(data.count) bytes; attachments are at most 5 MiB (\(maxBytes) bytes)",
                              zh: "文件大小 \(data.count) 字节，附件不得超过 5 MiB（\(maxBytes) 字节）")
        }
        let ext = name.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard let kind = Kind.allCases.first(where: { $0.extensions.contains(ext) }) else {
            throw DomainError(.unsupported, code: "file_type", field: "file",
                              en: "only PDF, PNG, JPEG and office files (docx, xlsx, pptx, doc, xls) may be attached",
                              zh: "仅可上传 PDF、PNG、JPEG 及办公文档（docx、xlsx、pptx、doc、xls）")
        }
        guard matches(kind, data) else {
            throw DomainError(.unsupported, code: "file_content", field: "file",
                              en: "the file's content is not a \(kind.rawValue) file", zh: "文件内容与 .\(kind.rawValue) 类型不符")
        }
        return kind
    }

    static func matches(_ kind: Kind, _ data: Data) -> Bool {
        let head = [UInt8](data.prefix(8))
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head.prefix(magic.count)) == magic }
        switch kind {
        case .pdf: return starts([0x25, 0x50, 0x44, 0x46, 0x2D]) // %PDF-
        case .png: return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        case .jpeg: return starts([0xFF, 0xD8, 0xFF])
        case .docx, .xlsx, .pptx: return starts([0x50, 0x4B, 0x03, 0x04]) // a zip container
        case .doc, .xls: return starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) // OLE compound file
        }
    }
}

/// Similar-request search: the text of a new request turned into a query the database's own
/// text search answers (SQLite FTS5 with the trigram tokenizer; PostgreSQL pg_trgm).
public enum SimilarityQuery {
    /// FTS5 MATCH text: every run of 3 characters of each word (Chinese runs included) as a
    /// quoted phrase, OR-ed, at most `limit` of them; nil when nothing is 3 characters long.
    public static func fts5(_ text: String, limit: Int = 64) -> String? {
        var grams: [String] = []
        var seen = Set<String>()
        for word in words(text) {
            let chars = Array(word)
            guard chars.count >= 3 else { continue }
            for i in 0...(chars.count - 3) {
                let g = String(chars[i..<(i + 3)])
                if seen.insert(g).inserted { grams.append(g) }
                if grams.count >= limit { break }
            }
            if grams.count >= limit { break }
        }
        guard !grams.isEmpty else { return nil }
        return grams.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: " OR ")
    }

    /// Lower-cased words: letters and digits, with Chinese characters kept together.
    public static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// The text cut to what the search looks at (the title and the start of the description).
    public static func probe(title: String, description: String) -> String {
        String((title + " " + description).prefix(400))
    }
}
