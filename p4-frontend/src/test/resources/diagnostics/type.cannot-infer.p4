extern void log_value<T>(in T value);
control c() {
    apply {
        log_value(5);
    }
}
