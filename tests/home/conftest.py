from tests.home.editorial_helpers import role_users

__all__ = ["role_users"]
