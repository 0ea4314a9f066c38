// swift-tools-version:6.0
// The iwotch facilitator console. Layers, each its own target, in the one direction data flows:
//   Programme (content files -> model) -> Journal -> DeliveryFacts (every figure, computed once)
//   -> SessionEngine -> Views -> Backend -> Console (frame loops); Audit (reports) reads DeliveryFacts too.
// with Terminal (ncurses) one Backend among two (the other is the tests' in-memory TestBackend).
// DisplayText is the shared measure of how text occupies terminal cells; ConsoleInput the keys.
// ARCHITECTURE.md draws the graph; Tests/ArchitectureTests checks it against this file and the imports.
// Linux only (glibc, ncursesw, /proc): no other platform is declared; Windows users run it under WSL2.
import PackageDescription

let package = Package(
    name: "iwotch",
    products: [
        .executable(name: "iwotch", targets: ["iwotch"]),
        .executable(name: "iwotch-bench", targets: ["iwotch-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.0.0"),
        // The region's PostgreSQL client (iwotch sync, db, reports over the database).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        // The system ncursesw, wide-character API (Debian: libncursesw5-dev / libncurses-dev).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // glibc's wcwidth, which Swift's Glibc module does not declare.
        .systemLibrary(name: "CWidth", path: "Sources/CWidth"),
        .target(name: "DisplayText", dependencies: ["CWidth"]),
        .target(
            name: "Programme",
            dependencies: [
                "DisplayText",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Printable session plans and the differences between two content versions, for trainers.
        .target(name: "Plan", dependencies: ["Programme", "DisplayText"]),
        .target(
            name: "Journal",
            dependencies: ["Programme", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The one home of a delivery's figures: attendance, adherence and its pooling, bands,
        // minutes and overrun, dose, who a participant is. Screens, reports and exports read them here.
        .target(name: "DeliveryFacts", dependencies: ["Journal"]),
        // Supervisors' reports over many journals: reads and joins them, and writes the figures as
        // tables (terminal, CSV, JSON, Markdown, HTML) and REDCap files. No terminal.
        .target(name: "Audit", dependencies: ["DeliveryFacts", "Journal", "Programme", "DisplayText"]),
        // The region's PostgreSQL store: migrations, sync of live journals, reading deliveries back
        // as journal lines for the same readers and reports. No terminal.
        .target(
            name: "Region",
            dependencies: ["Journal", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // The keys the console understands, shared by the engine and the terminal.
        .target(name: "ConsoleInput"),
        // Pure: (state, action, now, fresh id) -> (state, effects). Never calls curses, touches files or draws randomness.
        .target(name: "SessionEngine", dependencies: ["ConsoleInput", "Programme", "Journal", "DeliveryFacts", "DisplayText"]),
        // Carries out the engine's effects against the journal; no terminal.
        .target(name: "Runtime", dependencies: ["SessionEngine", "Journal", "Audit", "Programme"]),
        // Pure: state -> a grid of styled cells. Never calls curses.
        .target(name: "Views", dependencies: ["SessionEngine", "DeliveryFacts", "Journal", "Programme", "DisplayText"]),
        // What the frame loops need of a terminal (size, draw a grid, next input, cursor), and an
        // in-memory TestBackend that plays a script of inputs and keeps every frame.
        .target(name: "Backend", dependencies: ["ConsoleInput", "Views"]),
        // The ncurses backend.
        .target(name: "Terminal", dependencies: ["Backend", "CNcursesw", "ConsoleInput", "Views"]),
        // The frame loops (the console's and the keys screen's), run against any Backend.
        .target(name: "Console", dependencies: ["Backend", "ConsoleInput", "DisplayText", "Runtime", "SessionEngine", "Views"]),
        .executableTarget(
            name: "iwotch",
            dependencies: [
                "Audit",
                "Console",
                "DisplayText",
                "Journal",
                "Plan",
                "Programme",
                "Region",
                "Runtime",
                "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks of the journal (durable append, replay) beside sqlite3 and jq; see Scripts/bench.
        .executableTarget(
            name: "iwotch-bench",
            dependencies: ["Journal", "Programme", "Audit", "Runtime", "Views", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Appends until killed; the crash-injection test drives it.
        .executableTarget(name: "iwotch-stress", dependencies: ["Journal"]),
        // The fuzz targets (content, journal line, journal check, fidelity report); Scripts/fuzz
        // builds them with libFuzzer, and the ordinary build replays inputs through them.
        .executableTarget(name: "iwotch-fuzz", dependencies: ["Audit", "Journal", "Programme"]),
        // What the test targets share: golden files (frames with their styles), the built binaries,
        // running commands, and the tmux driver.
        .target(name: "TestSupport", dependencies: ["Views"], path: "Tests/TestSupport"),
        .testTarget(name: "DisplayTextTests", dependencies: ["DisplayText"]),
        // Reads Package.swift, the imports in Sources/ and ARCHITECTURE.md: the three must agree.
        .testTarget(name: "ArchitectureTests"),
        .testTarget(name: "JournalTests", dependencies: ["Journal", "Programme", "TestSupport"]),
        .testTarget(name: "DeliveryFactsTests", dependencies: ["DeliveryFacts", "Journal"]),
        .testTarget(name: "AuditTests", dependencies: ["Audit", "DeliveryFacts", "Journal", "Programme", "DisplayText", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "EngineTests", dependencies: ["SessionEngine", "Runtime", "Views", "Journal", "Programme", "Audit", "DeliveryFacts", "TestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "ProgrammeTests",
            dependencies: ["Programme", "TestSupport"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(name: "PlanTests", dependencies: ["Plan", "Programme", "TestSupport"], exclude: ["Fixtures", "Golden"]),
        // The region's database against a real PostgreSQL (IWOTCH_TEST_DATABASE_URL; Scripts/test
        // starts a throwaway server): migrations, sync, access by role, reports from the database.
        .testTarget(
            name: "RegionTests",
            dependencies: ["Region", "Journal", "iwotch", "TestSupport", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        // Runs the built binary as a user would: exit codes and output.
        .testTarget(name: "CLITests", dependencies: ["iwotch", "iwotch-bench", "iwotch-stress", "Journal", "TestSupport"]),
        // Drives the frame loops through the TestBackend: no terminal, no tmux.
        .testTarget(name: "ConsoleLoopTests", dependencies: ["Console", "Backend", "ConsoleInput", "Runtime", "SessionEngine", "Views", "Journal", "Programme"]),
        // Runs `iwotch` full-screen in a private tmux server and reads the screen.
        .testTarget(name: "ConsoleTests", dependencies: ["iwotch", "iwotch-stress", "TestSupport"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
