fn main() {
    std::process::exit(lakegate::main_exit_code());
}
