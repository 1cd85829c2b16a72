from wagtail import hooks

from home.page_cache import mark_cacheable


@hooks.register("before_serve_page")
def allow_page_cache(page, request, serve_args, serve_kwargs):
    """Live pages served to visitors may be cached (previews never pass here)."""
    mark_cacheable(request)
