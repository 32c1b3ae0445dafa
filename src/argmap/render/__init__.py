"""Render: the renderer-neutral view, its emitters (DOT, Markdown) and the renders/ planner."""
