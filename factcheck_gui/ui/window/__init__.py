"""The window's shell: the main window, its actions, menus, layout and the process around it."""
