action a(in bit<8> v) {}
control c() {
    apply {
        a(w = 1);
    }
}
