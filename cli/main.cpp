#include <iostream>
int main() { std::cout << "nogood\n"; }
