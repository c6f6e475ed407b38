import Foundation
import ParkDomain
import ParkStore
import OpenAPIRuntime
import Vapor

/// An export written a batch at a time as the client reads it: each batch is one keyset page
/// from the database (`batch(after:)` returns the text of the rows after the cursor and the
/// cursor of the last one, nil when there are no more), so the server holds one batch in memory
/// whatever the size of the park, and a slow reader slows the queries instead of filling memory.
struct ExportStream: AsyncSequence, Sendable {
    typealias Element = ArraySlice<UInt8>
    typealias Batch = @Sendable (_ after: String?) async throws -> (text: String, last: String)?

    let head: String
    let tail: String
    let batch: Batch

    struct AsyncIterator: AsyncIteratorProtocol {
        enum Stage { case head, rows(after: String?), tail, done }
        var stage = Stage.head
        let stream: ExportStream

        mutating func next() async throws -> ArraySlice<UInt8>? {
            switch stage {
            case .head:
                stage = .rows(after: nil)
                return stream.head.isEmpty ? try await next() : ArraySlice(stream.head.utf8)
            case .rows(let after):
                guard let (text, last) = try await stream.batch(after) else {
                    stage = .tail
                    return try await next()
                }
                stage = .rows(after: last)
                return ArraySlice(text.utf8)
            case .tail:
                stage = .done
                return stream.tail.isEmpty ? nil : ArraySlice(stream.tail.utf8)
            case .done:
                return nil
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(stream: self) }

    /// The stream as an API response body.
    var httpBody: HTTPBody { HTTPBody(self, length: .unknown, iterationBehavior: .single) }

    /// The stream as a console response body.
    var responseBody: Response.Body {
        Response.Body(managedAsyncStream: { writer in
            for try await chunk in self { try await writer.writeBuffer(ByteBuffer(bytes: chunk)) }
        })
    }
}

extension ExportStream {
    /// Every parcel as one GeoJSON FeatureCollection, 500 parcels a batch in code order.
    static func parcels(_ repository: ParcelRepository) -> ExportStream {
        ExportStream(head: ParcelGeoJSON.collectionHead, tail: ParcelGeoJSON.collectionTail) { after in
            let rows = try await repository.batch(after: after ?? "", limit: 500)
            guard let last = rows.last else { return nil }
            let text = rows.map { ParcelGeoJSON.feature($0) }.joined(separator: ",\n")
            return ((after == nil ? "\n" : ",\n") + text, last.code)
        }
    }
}

extension ExportStream {
    /// A per-mu run's treatment list (`PerMuTreatmentCSV`), 500 units a batch, highest surcharge
    /// first (`PerMuResultQuery.treatmentBatch`).
    static func permuTreatments(_ query: PerMuResultQuery, runID: UUID) -> ExportStream {
        ExportStream(head: PerMuTreatmentCSV.head, tail: "") { after in
            let cursor = after.flatMap(PerMuResultQuery.TreatmentCursor.init(text:))
            if after != nil && cursor == nil { return nil }   // the last batch was short: no more
            let batch = try await query.treatmentBatch(runID: runID, after: cursor, limit: 500)
            guard !batch.rows.isEmpty else { return nil }
            return (PerMuTreatmentCSV.lines(batch.rows), batch.last?.text ?? "end")
        }
    }
}

extension ExportStream {
    /// The register in the import's columns (machine CSV with a BOM), 500 enterprises a batch in
    /// credit-code order.
    static func enterprisesCSV(_ repository: EnterpriseRepository) -> ExportStream {
        ExportStream(head: EnterpriseCSV.utf8BOM + CSVWriter.line(EnterpriseCSV.columns) + "\n", tail: "") { after in
            let rows = try await repository.batch(afterCreditCode: after ?? "", limit: 500)
            guard let last = rows.last else { return nil }
            return (rows.map { CSVWriter.line(EnterpriseCSV.fields($0), formulaGuard: true) + "\n" }.joined(), last.creditCode.value)
        }
    }
}

extension ExportStream {
    /// Every outbound project in the import's columns plus the converted amounts (with a BOM),
    /// 500 a batch in id order.
    static func outboundProjects(_ repository: OutboundRepository) -> ExportStream {
        ExportStream(head: EnterpriseCSV.utf8BOM + CSVWriter.line(OutboundCSV.exportHeader) + "\n", tail: "") { after in
            let rows = try await repository.exportBatch(after: after.flatMap(UUID.init(uuidString:)), limit: 500)
            guard let last = rows.last else { return nil }
            return (CSVWriter.lines(rows.map { OutboundCSV.fields($0.project, creditCode: $0.creditCode) }, formulaGuard: true), last.project.id!.uuidString)
        }
    }
}
