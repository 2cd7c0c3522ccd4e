"""Page-number paging with a fixed largest page; a bad page number is a 400."""

from django.utils.translation import gettext
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination

PAGE_SIZE = 24
MAX_PAGE_SIZE = 100


def positive_number(request, name):
    value = request.query_params.get(name)
    if not value:  # absent, or empty as a form sends it
        return None
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        raise ValidationError({name: [gettext("Enter a whole number from 1.")]})
    return int(value)


class Pages(PageNumberPagination):
    page_size = PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        size = positive_number(request, self.page_size_query_param)
        if size is not None and size > self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        gettext("At most %(max)d records a page.")
                        % {"max": self.max_page_size}
                    ]
                }
            )
        return size or self.page_size

    def paginate_queryset(self, queryset, request, view=None):
        number = positive_number(request, self.page_query_param) or 1
        self.request = request
        paginator = self.django_paginator_class(queryset, self.get_page_size(request))
        if number > 1 and number > paginator.num_pages:
            raise NotFound(gettext("There is no page %(number)d.") % {"number": number})
        self.page = paginator.page(number)
        return list(self.page)

    def get_schema_operation_parameters(self, view):
        page, size = super().get_schema_operation_parameters(view)
        page["schema"] = {"type": "integer", "minimum": 1}
        size["schema"] = {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE}
        size["description"] = (
            f"Records a page: {PAGE_SIZE} unless given, at most {MAX_PAGE_SIZE}."
        )
        return [page, size]
