"""The command line: argument parsing and error reporting only; every command calls the library."""
