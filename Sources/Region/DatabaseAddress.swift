import Foundation

/// Where the region's database is and who connects: parsed from a `postgres://` URL as libpq
/// reads one (`postgres://USER@HOST:PORT/DATABASE?sslmode=...&host=/socket/folder`). Passwords
/// never come from the command line: from the URL only when the URL came from the environment
/// (`IWOTCH_DATABASE_URL`), else `PGPASSWORD`, else `~/.pgpass` (or `PGPASSFILE`).
public struct DatabaseAddress: Sendable, Equatable {
    public var user: String
    public var password: String?
    /// A host name or address for TCP, or nil when `socketFolder` is set.
    public var host: String
    public var port: Int
    public var database: String
    /// `?host=/folder`: a unix socket in that folder, as libpq names it (`.s.PGSQL.PORT`).
    public var socketFolder: String?
    public var tls: TLSMode
    /// The authorities trusted for `sslmode=verify-full`, as libpq: `?sslrootcert=FILE`, else
    /// `PGSSLROOTCERT`, else `~/.postgresql/root.crt` when it exists, else the system's.
    public var rootCertificate: String? = nil
    /// Seconds to wait for the server to answer, as libpq's `connect_timeout` (`?connect_timeout=`,
    /// else `PGCONNECT_TIMEOUT`): a laptop in a venue without network is told so, never left waiting.
    public var connectTimeout: Int = DatabaseAddress.defaultConnectTimeout
    public static let defaultConnectTimeout = 10

    /// libpq's `sslmode` values iwotch honours. `prefer` (the default) uses TLS when the server
    /// offers it; `require` refuses a server without it; `verify-full` also checks the server's
    /// certificate and name against the system's trusted authorities.
    public enum TLSMode: String, Sendable, CaseIterable { case disable, prefer, require, verifyFull = "verify-full" }

    public struct Problem: Error, CustomStringConvertible, Sendable {
        public var description: String
        /// True for a misuse of the command line (exit status 2).
        public var isUsage: Bool
    }

    /// `--database URL`, else `IWOTCH_DATABASE_URL`. Nil when neither is set.
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DatabaseAddress? {
        if let option, !option.isEmpty {
            var address = try parse(option, from: "--database")
            if address.password != nil {
                throw Problem(description: "--database must not carry a password: anyone on this machine can read a command line. Put it in ~/.pgpass (mode 0600) or PGPASSWORD, and give the URL without it.", isUsage: true)
            }
            address.password = password(for: address, environment: environment)
            return try address.withDefaults(environment)
        }
        if let text = environment["IWOTCH_DATABASE_URL"], !text.isEmpty {
            var address = try parse(text, from: "IWOTCH_DATABASE_URL")
            if address.password == nil { address.password = password(for: address, environment: environment) }
            return try address.withDefaults(environment)
        }
        return nil
    }

    /// libpq's environment variables and files for what the URL left out.
    func withDefaults(_ environment: [String: String]) throws -> DatabaseAddress {
        var address = self
        if !explicitTimeout, let text = environment["PGCONNECT_TIMEOUT"], !text.isEmpty {
            guard let seconds = Int(text), (1...3600).contains(seconds) else {
                throw Problem(description: "PGCONNECT_TIMEOUT is \"\(text)\": give the seconds to wait for the database, from 1 to 3600.", isUsage: true)
            }
            address.connectTimeout = seconds
        }
        if address.rootCertificate == nil {
            if let file = environment["PGSSLROOTCERT"], !file.isEmpty {
                address.rootCertificate = file
            } else {
                let home = environment["HOME"] ?? NSHomeDirectory()
                let file = (home as NSString).appendingPathComponent(".postgresql/root.crt")
                if FileManager.default.fileExists(atPath: file) { address.rootCertificate = file }
            }
        }
        return address
    }

    /// Whether the URL itself set `connect_timeout` (it then wins over PGCONNECT_TIMEOUT).
    var explicitTimeout = false

    /// Parses a URL; `source` names where it came from, for messages.
    public static func parse(_ text: String, from source: String) throws -> DatabaseAddress {
        func bad(_ why: String) -> Problem {
            Problem(description: "\(source) is not a PostgreSQL URL: \(why). Give it as postgres://USER@HOST:PORT/DATABASE (add ?sslmode=require to insist on TLS).", isUsage: true)
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme,
              scheme == "postgres" || scheme == "postgresql" else { throw bad("it should start with postgres://") }
        var address = DatabaseAddress(user: components.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres",
                                      password: components.password, host: components.host ?? "localhost",
                                      port: components.port ?? 5432, database: "", socketFolder: nil, tls: .prefer)
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        address.database = path.isEmpty ? address.user : path
        if address.host.isEmpty { address.host = "localhost" }
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                    throw bad("sslmode must be one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                address.tls = mode
            case "host":
                guard let folder = item.value, folder.hasPrefix("/") else { throw bad("?host= takes a socket folder, such as /var/run/postgresql") }
                address.socketFolder = folder
            case "user": address.user = item.value ?? address.user
            case "sslrootcert":
                guard let file = item.value, !file.isEmpty else { throw bad("?sslrootcert= takes the file of the authority's certificate (PEM)") }
                address.rootCertificate = file
            case "connect_timeout":
                guard let seconds = item.value.flatMap(Int.init), (1...3600).contains(seconds) else {
                    throw bad("connect_timeout is the seconds to wait for the server, from 1 to 3600")
                }
                address.connectTimeout = seconds
                address.explicitTimeout = true
            case "port":
                guard let port = item.value.flatMap(Int.init), (1...65535).contains(port) else { throw bad("the port is a number from 1 to 65535") }
                address.port = port
            default: throw bad("iwotch does not understand the parameter \(item.name)")
            }
        }
        return address
    }

    /// The unix socket's path, when connecting through one.
    public var socketPath: String? { socketFolder.map { "\($0)/.s.PGSQL.\(port)" } }

    /// The URL without its password, for messages.
    public var display: String {
        "postgres://\(user)@\(host):\(port)/\(database)" + (socketFolder.map { "?host=\($0)" } ?? "")
    }

    /// `PGPASSWORD`, else the first matching line of the password file.
    static func password(for address: DatabaseAddress, environment: [String: String]) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let file = environment["PGPASSFILE"] ?? ((environment["HOME"] ?? NSHomeDirectory()) as NSString).appendingPathComponent(".pgpass")
        return PasswordFile.lookup(file, address: address)
    }
}

/// `~/.pgpass`, as libpq reads it: `host:port:database:user:password` a line, `*` matching
/// anything, `\:` and `\\` escaped; ignored (as libpq does) unless only its owner may read it.
enum PasswordFile {
    static func lookup(_ path: String, address: DatabaseAddress) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        // A socket connection is "localhost" to libpq's password file.
        let host = address.socketFolder == nil ? address.host : "localhost"
        let wanted = [host, String(address.port), address.database, address.user]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let fields = split(String(line))
            guard fields.count == 5 else { continue }
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    static func split(_ line: String) -> [String] {
        var fields: [String] = [""]
        var escaped = false
        for character in line {
            if escaped { fields[fields.count - 1].append(character); escaped = false }
            else if character == "\\" { escaped = true }
            else if character == ":" && fields.count < 5 { fields.append("") }
            else { fields[fields.count - 1].append(character) }
        }
        return fields
    }
}
