const int x = 1 << -3;
