const int x = 1 << 5000000;
