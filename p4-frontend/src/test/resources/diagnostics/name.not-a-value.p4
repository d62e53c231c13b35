header h_t { bit<8> f; }
control c(inout bit<8> x) {
    apply {
        x = h_t;
    }
}
