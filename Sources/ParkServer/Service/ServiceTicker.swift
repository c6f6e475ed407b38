import Foundation
import ParkDomain
import ParkStore
import NIOCore
import Vapor

/// Posts webhook deliveries with the server's HTTP client (10 s timeout).
public struct ClientWebhookTransport: WebhookTransport {
    let client: any Client
    public init(client: any Client) { self.client = client }

    public func post(url: String, headers: [(String, String)], body: Data) async throws -> Int {
        let res = try await client.post(URI(string: url)) { req in
            for (k, v) in headers { req.headers.replaceOrAdd(name: k, value: v) }
            req.body = ByteBuffer(data: body)
            req.timeout = .seconds(10)
        }
        return Int(res.status.code)
    }
}

/// Every minute: run the escalation sweep and send due webhook deliveries. What is due and who
/// has claimed it lives in the database.
enum ServiceTicker {
    static let job = PeriodicJob("service sweep", every: .seconds(60)) { app in
        let clock = app.parkServices.options.clock
        _ = try await ServiceSweep(db: app.db, clock: clock).run()
        try await WebhookQueue(db: app.db, clock: clock).deliverDue(using: ClientWebhookTransport(client: app.client))
    }
}
