action a(in bit<8> v) {}
control c() {
    apply {
        a(1, 2);
    }
}
