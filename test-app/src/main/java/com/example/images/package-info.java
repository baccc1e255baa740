/** Image generation from a text prompt: {@link com.example.images.ImageService} calls the image provider. */
package com.example.images;
