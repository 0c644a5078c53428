//! The `chiso` command line: `chiso annotate`, see `chiso --help`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
