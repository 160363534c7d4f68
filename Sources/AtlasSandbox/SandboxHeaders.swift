/// The request headers the Atlas contract names (reference §1, §2.1).
enum SandboxHeaders {
    static let clientId = "x-atlas-client-id"
    static let clientSecret = "x-atlas-client-secret"
    /// Marked required by the OpenAPI; missing ones are contract warnings (901 in strict mode).
    static let contractRequired = ["Accept", "Content-Type", "Accept-Encoding"]

    /// Warnings for missing contract headers and a non-JSON `Content-Type`; `missing` lists the
    /// absent header names so strict mode can refuse the call.
    static func contractWarnings(for call: AtlasCall) -> (warnings: [String], missing: [String]) {
        var warnings: [String] = []
        var missing: [String] = []
        for name in contractRequired where call.header(name) == nil {
            missing.append(name)
            warnings.append("missing header \(name) (required by the Atlas contract)")
        }
        if let contentType = call.header("Content-Type"),
            !contentType.lowercased().contains("application/json")
        {
            warnings.append("header Content-Type is \"\(contentType)\", expected application/json")
        }
        return (warnings, missing)
    }
}
