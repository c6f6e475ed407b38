import ArgumentParser
import Foundation
import Logging
import ParkDomain
import ParkServer
import ParkStore
import Vapor

struct ServerAddress: ParsableArguments {
    @ArgumentParser.Option(help: "Address to listen on.") var host: String = "127.0.0.1"
    @ArgumentParser.Option(help: "Port to listen on.") var port: Int = 8080
}

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Migrate the database, then serve the API and the console.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var address: ServerAddress

    func run() async throws {
        try await CLI.run {
            try await Serving.serve(database.target, address: address, announce: nil)
        }
    }
}

enum Serving {
    static let bootstrap: Void = {
        LoggingSystem.bootstrap { label in
            var h = StreamLogHandler.standardError(label: label)
            h.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .notice
            return h
        }
    }()

    /// Starts the web server and runs until interrupted. `announce` runs once it listens.
    static func serve(_ target: DatabaseTarget, address: ServerAddress, announce: (() -> Void)?) async throws {
        _ = bootstrap
        try CLI.installAuditKey(for: target)
        guard (1...65535).contains(address.port) else {
            throw DomainError(code: "out_of_range", field: "port", en: "port must be 1–65535", zh: "端口须在 1–65535 之间")
        }
        let app = try await Application.make(Environment(name: "production", arguments: ["parkos"]))
        do {
            app.http.server.configuration.hostname = address.host
            app.http.server.configuration.port = address.port
            try await ParkApp.configure(app, options: try ServerOptions.fromEnvironment(database: target))
            try await app.startup()
            announce?()
            CLI.say("ParkOS listening on http://\(address.host):\(address.port) (\(target))")
            try await app.running?.onStop.get()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}
