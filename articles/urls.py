from django.urls import path

from articles import views

app_name = "articles"

urlpatterns = [
    path("conditions/", views.condition_index, name="condition_index"),
    path("conditions/<slug:slug>/", views.condition_detail, name="condition"),
    path("articles/<slug:slug>/", views.article_detail, name="article"),
    path("articles/<slug:slug>/rate/", views.rate, name="rate"),
    path("articles/<slug:slug>/reviews/", views.review_history, name="reviews"),
    path("preview/revisions/<int:pk>/", views.preview, name="preview"),
    path("medical-reviewers/", views.reviewers, name="reviewers"),
    path("people/<slug:slug>/", views.profile_detail, name="profile"),
]
