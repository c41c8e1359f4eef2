fn main() {
    // Behave like other Unix tools when stdout is closed early (`lakegate accesspoint list | head`):
    // end quietly on SIGPIPE instead of failing to print.
    // SAFETY: restoring the default disposition of SIGPIPE before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    std::process::exit(lakegate::main_exit_code());
}
