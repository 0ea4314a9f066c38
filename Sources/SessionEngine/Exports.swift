/// Keys reach the engine in its actions (`Action.key`), so whoever imports the engine gets them too.
@_exported import ConsoleInput
