control c(inout bit<8> a) {
    apply {
        a = a / -2;
    }
}
