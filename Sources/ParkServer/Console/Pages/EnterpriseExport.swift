import ParkDomain
import ParkStore
import Vapor

/// The register as CSV for staff: the list's search, filters and sort, every page of it,
/// streamed 500 rows at a time. For people: headers in the reader's language, names instead
/// of codes, a BOM so Excel opens it as UTF-8. `?format=machine`: the import's snake_case
/// columns and codes (what `parkos export` writes), so it can be edited and imported again.
enum EnterpriseExport {
    static let batch = 500

    static func csv(_ req: Request) async throws -> Response {
        let lang = RequestContext.current.language
        let machine = req.query[String.self, at: "format"] == "machine"
        let params = (try? req.query.decode([String: String].self)) ?? [:]
        var chosen = try EnterpriseListRequest(params.filter { $0.key != "page" && $0.key != "per_page" && $0.key != "format" }).query
        chosen.perPage = batch
        let query = chosen
        let clusters = Dictionary(uniqueKeysWithValues: try await req.park.reference.clusters().map { ($0.code, $0.name.text(lang)) })
        let repository = req.park.enterprises
        let header = machine ? EnterpriseCSV.columns : columns(lang)
        let res = Response(body: .init(managedAsyncStream: { writer in
            try await writer.writeBuffer(ByteBuffer(string: EnterpriseCSV.utf8BOM + CSVWriter.line(header) + "\n"))
            var page = 1
            while true {
                var q = query
                q.page = page
                let items = try await repository.list(q).items
                var chunk = ""
                for e in items {
                    chunk += CSVWriter.line(machine ? EnterpriseCSV.fields(e) : fields(e, clusters: clusters, lang), formulaGuard: true) + "\n"
                }
                if !chunk.isEmpty { try await writer.writeBuffer(ByteBuffer(string: chunk)) }
                if items.count < batch { break }
                page += 1
            }
        }))
        res.headers.contentType = .init(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.contentDisposition = .init(.attachment, filename: "enterprises-\(req.park.today.iso).csv")
        return res
    }

    /// The export's headers for people, in `EnterpriseCSV.columns` order, then the deregistration.
    static func columns(_ lang: Language) -> [String] {
        [ConsoleText.creditCode, .nameZh, .nameEn, .industry, .clusters, .ownership, .country, .fortune500Parent, .regionalHQ,
         .rdCentre, .listing, .size, .employees, .founded, .address, .deregisteredOn].map { $0(lang) }
    }

    /// One enterprise for people: names of the industry, clusters, ownership, country and board.
    static func fields(_ e: Enterprise, clusters: [String: String], _ lang: Language) -> [String] {
        func yesNo(_ b: Bool) -> String { b ? ConsoleText.yes(lang) : ConsoleText.no(lang) }
        let industry = IndustryClassification.division(e.industryCode).map { "\(e.industryCode) \($0.name.text(lang))" } ?? e.industryCode
        let country = Country.named(e.originCountry).map { "\(e.originCountry) \($0.name.text(lang))" } ?? e.originCountry
        return [
            e.creditCode.value, e.nameZh, e.nameEn, industry, e.clusters.map { clusters[$0] ?? $0 }.joined(separator: ConsoleText.listSeparator(lang)),
            e.ownership.label.text(lang), country, e.fortune500Parent ?? "", yesNo(e.regionalHeadquarters), yesNo(e.rdCentre),
            e.listing?.label.text(lang) ?? "", e.aboveDesignatedSize ? ConsoleText.above(lang) : ConsoleText.below(lang),
            e.employees.map(String.init) ?? "", e.foundedOn?.iso ?? "", e.address, e.deregistration?.on.iso ?? "",
        ]
    }
}

/// Downloads of files built in memory.
enum EnterpriseFiles {
    static func download(_ data: Data, name: String) -> Response {
        let res = Response(body: .init(data: data))
        res.headers.contentType = .init(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.contentDisposition = .init(.attachment, filename: name)
        return res
    }
}
