# The sandbox's pytest fixtures (`vodkit_sandbox`, `vodkit_session_sandbox`):
# the one line an app's own conftest.py needs.
pytest_plugins = ["vodkit.testing.pytest_plugin"]
