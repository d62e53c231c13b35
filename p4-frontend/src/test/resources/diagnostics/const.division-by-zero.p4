const int x = 10 / 0;
