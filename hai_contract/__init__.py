"""Rules and shapes shared by the desk (hai_desktop) and the hub (hai_central)."""
