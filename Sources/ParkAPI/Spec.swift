import Foundation

/// The OpenAPI document this target's types are generated from, served at `/openapi.yaml`.
public enum APISpec {
    public static var yaml: String {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return "" }
        return text
    }
}
