// swift-tools-version:6.2
import PackageDescription

// Every Swift target shares one set of settings: language mode 6, strict upcoming features,
// and warnings as errors, so the whole house is built to the same code.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "atlas-mock",
    products: [
        .executable(name: "atlas-mock", targets: ["atlas-mock"]),
        .library(name: "AtlasMock", targets: ["AtlasMock"]),
    ],
    targets: [
        // System headers the Glibc module does not expose (epoll, eventfd, accept4).
        .target(name: "CAtlasSystem"),
        // Toolchain-only JSON: strict parser with JSON paths, compact sorted-key writer.
        .target(
            name: "AtlasJSON", swiftSettings: strictSettings,
            // Double rounding in the standard library calls libm, which nothing else links here.
            linkerSettings: [.linkedLibrary("m")]),
        // Toolchain-only HTTP/1.1: reactor, listener, parser, connection, router, limits, client.
        .target(
            name: "AtlasHTTP", dependencies: ["CAtlasSystem", "AtlasJSON"], swiftSettings: strictSettings),
        // The Atlas contract: auth, validation, envelopes, tenants, registrations, orders, incidents.
        .target(
            name: "AtlasSandbox", dependencies: ["AtlasJSON"], swiftSettings: strictSettings),
        // Payload builders, dispatcher, delivery log, outbound transport.
        .target(
            name: "Webhooks", dependencies: ["AtlasSandbox", "AtlasJSON", "AtlasHTTP"],
            swiftSettings: strictSettings),
        // Scenario format, loader and validator, runner, verdicts and reports.
        .target(
            name: "Scenarios", dependencies: ["Webhooks", "AtlasSandbox", "AtlasJSON"],
            swiftSettings: strictSettings),
        // The facade: MockServer.start(configuration), admin API, embedded defaults.
        .target(
            name: "AtlasMock",
            dependencies: [
                "CAtlasSystem", "AtlasHTTP", "AtlasJSON", "AtlasSandbox", "Webhooks", "Scenarios",
            ],
            swiftSettings: strictSettings),
        // The command line: parses arguments and wires; no logic of its own.
        .executableTarget(
            name: "atlas-mock",
            dependencies: ["AtlasMock", "AtlasHTTP", "AtlasJSON", "Scenarios", "Webhooks"],
            swiftSettings: strictSettings),

        .testTarget(name: "AtlasJSONTests", dependencies: ["AtlasJSON"], swiftSettings: strictSettings),
        .testTarget(name: "AtlasHTTPTests", dependencies: ["AtlasHTTP"], swiftSettings: strictSettings),
        .testTarget(
            name: "AtlasSandboxTests", dependencies: ["AtlasSandbox", "AtlasJSON"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "WebhooksTests", dependencies: ["Webhooks", "AtlasSandbox", "AtlasJSON", "AtlasHTTP"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ScenariosTests", dependencies: ["Scenarios", "Webhooks", "AtlasSandbox", "AtlasJSON"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "AtlasMockTests",
            dependencies: [
                "AtlasMock", "AtlasHTTP", "AtlasJSON", "AtlasSandbox", "Webhooks", "Scenarios", "atlas-mock",
            ],
            swiftSettings: strictSettings),
    ]
)
