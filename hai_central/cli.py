def main(argv=None) -> int:
    print("HAI Hub: under construction")
    return 0
